// The line that says where an imported record came from (Provenance.tsx).
import { defineWords } from '../../../core/i18n/message.ts';

export const provenanceWords = defineWords({
  en: {
    fromBundle: "Imported from {organization}'s bundle of {day}, their code {code} (imported {imported}).",
    fromSomeBundle: "Imported from a partner organization's bundle, their code {code} (imported {imported}).",
  },
  ru: {
    fromBundle: 'Импортировано из пакета {organization} от {day}, их код {code} (импорт {imported}).',
    fromSomeBundle: 'Импортировано из пакета партнёрской организации, их код {code} (импорт {imported}).',
  },
  az: {
    fromBundle: '{organization} təşkilatının {day} tarixli paketindən idxal edilib, onların kodu {code} (idxal tarixi {imported}).',
    fromSomeBundle: 'Tərəfdaş təşkilatın paketindən idxal edilib, onların kodu {code} (idxal tarixi {imported}).',
  },
});
