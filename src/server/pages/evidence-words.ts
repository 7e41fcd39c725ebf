// Adding photos or documents to a report (the receipt's and status page's form, and its answer).
import { defineWords } from '../../core/i18n/message.ts';

export const evidenceWords = defineWords({
  en: {
    evidenceTitle: 'Add photos or documents',
    evidenceLead: "Photos, PDFs, audio or video (up to 5 files, {mb} MB in all). Location and camera details are removed from photos before anyone sees them; the untouched original is kept locked for the record. Everything is locked to the team's key as it arrives.",
    evidenceFiles: 'Files',
    evidenceSend: 'Send the files',
    evidenceReceived: '{n, plural, one {Received # file.} other {Received # files.}} Thank you. You can add more with your codename.',
  },
  ru: {
    evidenceTitle: 'Добавить фото или документы',
    evidenceLead: 'Фото, PDF, аудио или видео (до 5 файлов, всего до {mb} МБ). Из фото удаляются сведения о месте и камере, прежде чем их кто-то увидит; нетронутый оригинал хранится запертым для протокола. Всё запирается ключом команды сразу при получении.',
    evidenceFiles: 'Файлы',
    evidenceSend: 'Отправить файлы',
    evidenceReceived: '{n, plural, one {Получен # файл.} few {Получено # файла.} many {Получено # файлов.} other {Получено # файла.}} Спасибо. Вы можете добавить ещё, указав кодовое имя.',
  },
  az: {
    evidenceTitle: 'Foto və ya sənəd əlavə edin',
    evidenceLead: 'Foto, PDF, audio və ya video (5 fayla qədər, hamısı birlikdə {mb} MB-a qədər). Fotolardan yer və kamera məlumatları kimsə görməzdən əvvəl silinir; toxunulmamış orijinal sübut üçün kilidli saxlanılır. Hər şey daxil olan kimi komandanın açarı ilə kilidlənir.',
    evidenceFiles: 'Fayllar',
    evidenceSend: 'Faylları göndərin',
    evidenceReceived: '{n, plural, one {# fayl alındı.} other {# fayl alındı.}} Təşəkkür edirik. Kod adınızla daha çox əlavə edə bilərsiniz.',
  },
});
