// The public pages' only script. Without it everything still works (the server seals on
// arrival); with it the report is sealed here, so the server never sees the plaintext.
import { quickExit } from './quick-exit.ts';
import { sealingForm } from './report-form.ts';
import { sealingEvidence } from './evidence-form.ts';
import { provenStatusForms } from './status-forms.ts';

quickExit();
sealingForm();
sealingEvidence();
provenStatusForms();
