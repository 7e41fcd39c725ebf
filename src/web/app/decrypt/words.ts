// What goes wrong opening a sealed report (decrypt/open.ts's problems) or checking the
// organization's key before sealing to it (../org-key.ts). Key names as on the Members page.
import { defineWords } from '../../../core/i18n/message.ts';

export const decryptWords = defineWords({
  en: {
    missingKey: 'Sealed to a key you have not been given. If the intake key changed after you logged in, "Check for new reports" fetches the new one.',
    damaged: 'Could not be opened: damaged or tampered with.',
    unknownFormat: 'Opened, but the content is not a report this version understands.',
    unreachable: 'The server cannot be reached. Check your connection.',
    noKeyYet: 'The organization has no {purpose, select, intake {intake key} records {records key} other {backup key}} yet. An administrator sets it up on the Records page.',
    keyInvalid: 'The {purpose, select, intake {intake key} records {records key} other {backup key}} the server shows is not valid. Tell an administrator.',
    keyChanged: 'The {purpose, select, intake {intake key} records {records key} other {backup key}} changed after you logged in. Press “Check for new reports” in the inbox to receive the new one.',
    keyMismatch: 'The {purpose, select, intake {intake key} records {records key} other {backup key}} the server shows does not match the one your team holds. Do not write anything; tell an administrator.',
  },
  ru: {
    missingKey: 'Зашифровано ключом, которого у вас нет. Если ключ приёма сменился после вашего входа, кнопка «Проверить новые сообщения» получит новый.',
    damaged: 'Не удалось открыть: повреждено или подделано.',
    unknownFormat: 'Открыто, но эта версия не понимает содержимое как сообщение.',
    unreachable: 'Сервер недоступен. Проверьте подключение.',
    noKeyYet: 'У организации ещё нет {purpose, select, intake {ключа приёма} records {ключа записей} other {ключа резервных копий}}. Его создаёт администратор на странице «Записи».',
    keyInvalid: '{purpose, select, intake {Ключ приёма} records {Ключ записей} other {Ключ резервных копий}}, который показывает сервер, недействителен. Сообщите администратору.',
    keyChanged: '{purpose, select, intake {Ключ приёма сменился} records {Ключ записей сменился} other {Ключ резервных копий сменился}} после вашего входа. Нажмите «Проверить новые сообщения» во входящих, чтобы получить новый.',
    keyMismatch: '{purpose, select, intake {Ключ приёма} records {Ключ записей} other {Ключ резервных копий}}, который показывает сервер, не совпадает с ключом вашей команды. Ничего не пишите; сообщите администратору.',
  },
  az: {
    missingKey: 'Sizə verilməmiş açarla şifrələnib. Daxil olduqdan sonra qəbul açarı dəyişibsə, «Yeni məlumatları yoxla» yenisini gətirir.',
    damaged: 'Açmaq mümkün olmadı: zədələnib və ya dəyişdirilib.',
    unknownFormat: 'Açıldı, amma bu versiya məzmunu məlumat kimi başa düşmür.',
    unreachable: 'Serverə qoşulmaq mümkün deyil. Bağlantınızı yoxlayın.',
    noKeyYet: 'Təşkilatın hələ {purpose, select, intake {qəbul açarı} records {qeydlər açarı} other {ehtiyat nüsxə açarı}} yoxdur. Onu administrator «Qeydlər» səhifəsində yaradır.',
    keyInvalid: 'Serverin göstərdiyi {purpose, select, intake {qəbul açarı} records {qeydlər açarı} other {ehtiyat nüsxə açarı}} etibarlı deyil. Administratora bildirin.',
    keyChanged: '{purpose, select, intake {Qəbul açarı} records {Qeydlər açarı} other {Ehtiyat nüsxə açarı}} siz daxil olduqdan sonra dəyişib. Yenisini almaq üçün gələnlərdə «Yeni məlumatları yoxla» düyməsini basın.',
    keyMismatch: 'Serverin göstərdiyi {purpose, select, intake {qəbul açarı} records {qeydlər açarı} other {ehtiyat nüsxə açarı}} komandanızdakı açarla uyğun gəlmir. Heç nə yazmayın; administratora bildirin.',
  },
});

/** Each problem opening a report (decrypt/open.ts), by its key in the catalog above. */
export const PROBLEM_WORDS = { 'missing-key': 'missingKey', damaged: 'damaged', 'unknown-format': 'unknownFormat' } as const;
