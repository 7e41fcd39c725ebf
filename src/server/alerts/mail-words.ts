// The words of alert emails around the alert itself: the confirmation email and every email's footer.
import { defineWords } from '../../core/i18n/message.ts';

export const alertMailWords = defineWords({
  en: {
    mailConfirmSubject: 'Confirm your subscription to alerts',
    mailConfirmBody: 'Someone (we hope you) asked to receive alerts at this address.\n\nTo confirm, open this link and press the button:\n{confirm}\n\nIf it was not you, ignore this email: nothing more will be sent.\n\nTo remove this address at once:\n{unsubscribe}',
    mailFooter: 'To stop these emails, open this link: {unsubscribe}',
  },
  ru: {
    mailConfirmSubject: 'Подтвердите подписку на оповещения',
    mailConfirmBody: 'Кто-то (надеемся, вы) попросил присылать оповещения на этот адрес.\n\nЧтобы подтвердить, откройте ссылку и нажмите кнопку:\n{confirm}\n\nЕсли это были не вы, просто не обращайте внимания: больше ничего не придёт.\n\nЧтобы сразу удалить этот адрес:\n{unsubscribe}',
    mailFooter: 'Чтобы больше не получать эти письма, откройте ссылку: {unsubscribe}',
  },
  az: {
    mailConfirmSubject: 'Xəbərdarlıqlara abunəliyi təsdiq edin',
    mailConfirmBody: 'Kimsə (ümid edirik ki, siz) bu ünvana xəbərdarlıqlar göndərilməsini istədi.\n\nTəsdiq etmək üçün bu keçidi açın və düyməni basın:\n{confirm}\n\nBu siz deyilsinizsə, məktubu nəzərə almayın: başqa heç nə göndərilməyəcək.\n\nBu ünvanı dərhal silmək üçün:\n{unsubscribe}',
    mailFooter: 'Bu məktubları dayandırmaq üçün keçidi açın: {unsubscribe}',
  },
});
