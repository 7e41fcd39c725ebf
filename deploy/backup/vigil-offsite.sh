#!/bin/sh
# Copies Vigil's backups off this machine: a seized server must not take the only copies with it.
# Vigil makes the backups itself (VIGIL_BACKUP_DIR, VIGIL_BACKUP_EVERY, VIGIL_BACKUP_KEEP in
# /etc/vigil/vigil.env); this copies the whole ones (*.backup, never *.partial) to another machine
# with rsync over ssh. Run by vigil-offsite.timer. Settings in /etc/vigil/offsite.env:
#   VIGIL_BACKUP_DIR=/mnt/backup                 the same folder as the server's
#   OFFSITE=vigil@far.example.org:backups/      where the copies go (rsync's destination)
#   OFFSITE_KEY=/etc/vigil/offsite_key           an ssh key used for nothing else
# A backup is sealed to the organization's backup key: the file alone shows nothing, so it needs
# no further encryption (age or gpg would only add a key to lose). On the far machine, restrict
# this key to writing new files in one folder, so that whoever seizes this server cannot delete
# the copies: in its ~/.ssh/authorized_keys,
#   command="rrsync -wo backups",restrict ssh-ed25519 AAAA... vigil-offsite
set -eu
: "${VIGIL_BACKUP_DIR:?set VIGIL_BACKUP_DIR in /etc/vigil/offsite.env}"
: "${OFFSITE:?set OFFSITE in /etc/vigil/offsite.env}"
: "${OFFSITE_KEY:=/etc/vigil/offsite_key}"
# The far machine's host key, fetched once by hand (docs/deploy.md): BatchMode never asks.
: "${OFFSITE_KNOWN_HOSTS:=/etc/vigil/offsite_known_hosts}"
# --ignore-existing: a copy already there is never written over (nor deleted: no --delete).
exec rsync --archive --ignore-existing --include='*.backup' --exclude='*' \
  --rsh="ssh -i $OFFSITE_KEY -o BatchMode=yes -o IdentitiesOnly=yes -o UserKnownHostsFile=$OFFSITE_KNOWN_HOSTS -o StrictHostKeyChecking=yes" \
  "$VIGIL_BACKUP_DIR/" "$OFFSITE"
