// The workspace around every page: the top bar, what the login screen says after a lock, a member
// still waiting for their keys, times from now.
import { defineWords } from '../../../core/i18n/message.ts';

export const shellWords = defineWords({
  en: {
    navigation: 'Workspace',
    lock: 'Lock',
    lockHint: 'Forget the keys and log out (Shift+L)',
    who: '{email} ({role})',
    notice: 'Notice',
    notOpened: 'The workspace could not be opened.',
    sessionEnded: 'Your session ended (idle time, a new passphrase, or an administrator ended every session). Log in again.',
    everySessionEnded: 'Every session was ended, this one too. Log in again.',
    youLockedDown: 'You locked the organization down.',
    lockedIdle:
      '{minutes, plural, one {The workspace locked itself after # minute without activity. Your keys were forgotten.} other {The workspace locked itself after # minutes without activity. Your keys were forgotten.}}',
    lockedHidden: 'The workspace locked when the page was hidden.',
    reloaded: 'For safety, the workspace forgets its keys when the page reloads. Log in again.',

    waitingTitle: 'Waiting for your administrator',
    waitingIntro:
      'You are in, but you hold no keys yet. Read this safety code to the administrator who invited you, in person or by phone. They will grant you access only if it matches what they see.',
    waitingThen: 'When they have confirmed, lock and log in again to receive the keys.',

  },
  ru: {
    navigation: 'Рабочее пространство',
    lock: 'Заблокировать',
    lockHint: 'Забыть ключи и выйти (Shift+L)',
    who: '{email} ({role})',
    notice: 'Уведомление',
    notOpened: 'Не удалось открыть рабочее пространство.',
    sessionEnded: 'Ваш сеанс завершён (долгое бездействие, новая парольная фраза или администратор завершил все сеансы). Войдите снова.',
    everySessionEnded: 'Все сеансы завершены, и этот тоже. Войдите снова.',
    youLockedDown: 'Вы заблокировали организацию.',
    lockedIdle:
      '{minutes, plural, one {Рабочее пространство заблокировалось после # минуты бездействия. Ваши ключи забыты.} few {Рабочее пространство заблокировалось после # минут бездействия. Ваши ключи забыты.} many {Рабочее пространство заблокировалось после # минут бездействия. Ваши ключи забыты.} other {Рабочее пространство заблокировалось после # минуты бездействия. Ваши ключи забыты.}}',
    lockedHidden: 'Рабочее пространство заблокировалось, когда страница была скрыта.',
    reloaded: 'В целях безопасности рабочее пространство забывает ключи при перезагрузке страницы. Войдите снова.',

    waitingTitle: 'Ожидание администратора',
    waitingIntro:
      'Вы вошли, но ключей у вас пока нет. Продиктуйте этот код безопасности администратору, который вас пригласил, лично или по телефону. Он даст вам доступ, только если код совпадёт с тем, что видит он.',
    waitingThen: 'Когда он подтвердит код, заблокируйте рабочее пространство и войдите снова, чтобы получить ключи.',

  },
  az: {
    navigation: 'İş sahəsi',
    lock: 'Kilidlə',
    lockHint: 'Açarları unut və çıx (Shift+L)',
    who: '{email} ({role})',
    notice: 'Bildiriş',
    notOpened: 'İş sahəsi açıla bilmədi.',
    sessionEnded: 'Sessiyanız bitdi (uzun fasilə, yeni parol ifadəsi və ya administrator bütün sessiyaları bitirdi). Yenidən daxil olun.',
    everySessionEnded: 'Bütün sessiyalar, o cümlədən bu sessiya bitirildi. Yenidən daxil olun.',
    youLockedDown: 'Siz təşkilatı blokladınız.',
    lockedIdle:
      '{minutes, plural, one {İş sahəsi # dəqiqə fəaliyyət olmadığı üçün özünü kilidlədi. Açarlarınız unuduldu.} other {İş sahəsi # dəqiqə fəaliyyət olmadığı üçün özünü kilidlədi. Açarlarınız unuduldu.}}',
    lockedHidden: 'Səhifə gizləndiyi üçün iş sahəsi kilidləndi.',
    reloaded: 'Təhlükəsizlik üçün iş sahəsi səhifə yenilənəndə açarları unudur. Yenidən daxil olun.',

    waitingTitle: 'Administratorunuzu gözləyirik',
    waitingIntro:
      'Daxil oldunuz, amma hələ açarlarınız yoxdur. Bu təhlükəsizlik kodunu sizi dəvət edən administratora şəxsən və ya telefonla oxuyun. O, sizə yalnız kod onun gördüyü ilə eyni olduqda giriş verəcək.',
    waitingThen: 'Təsdiqlədikdən sonra açarları almaq üçün kilidləyin və yenidən daxil olun.',

  },
});
