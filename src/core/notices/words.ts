// What a notice says: counts only, in the member's language. Never a name, a place, a word of a
// report or an id: the message crosses mail servers and chat bridges the team does not control.
import { defineWords } from '../i18n/message.ts';

export const noticeWords = defineWords({
  en: {
    message: 'Vigil: {list}',
    urgent: '{count, plural, one {# new urgent report} other {# new urgent reports}}',
    report: '{count, plural, one {# new report} other {# new reports}}',
    answer: '{count, plural, one {# new answer from a reporter} other {# new answers from reporters}}',
    deadline: '{count, plural, one {# deadline due tomorrow} other {# deadlines due tomorrow}}',
    backup: '{count, plural, one {# failed backup} other {# failed backups}}',
    test: 'Vigil: a test message. This is where your notices will come.',
    open: 'Open the workspace: {url}',
  },
  ru: {
    message: 'Vigil: {list}',
    urgent: '{count, plural, one {# новое срочное сообщение} few {# новых срочных сообщения} many {# новых срочных сообщений} other {# нового срочного сообщения}}',
    report: '{count, plural, one {# новое сообщение} few {# новых сообщения} many {# новых сообщений} other {# нового сообщения}}',
    answer: '{count, plural, one {# новый ответ в переписке} few {# новых ответа в переписке} many {# новых ответов в переписке} other {# нового ответа в переписке}}',
    deadline: '{count, plural, one {# срок истекает завтра} few {# срока истекают завтра} many {# сроков истекают завтра} other {# срока истекает завтра}}',
    backup: '{count, plural, one {# сбой резервного копирования} few {# сбоя резервного копирования} many {# сбоев резервного копирования} other {# сбоя резервного копирования}}',
    test: 'Vigil: проверочное уведомление. Уведомления будут приходить сюда.',
    open: 'Открыть рабочее пространство: {url}',
  },
  az: {
    message: 'Vigil: {list}',
    urgent: '{count, plural, one {# yeni təcili məlumat} other {# yeni təcili məlumat}}',
    report: '{count, plural, one {# yeni məlumat} other {# yeni məlumat}}',
    answer: '{count, plural, one {yazışmada # yeni cavab} other {yazışmada # yeni cavab}}',
    deadline: '{count, plural, one {sabah bitən # müddət} other {sabah bitən # müddət}}',
    backup: '{count, plural, one {# alınmamış ehtiyat nüsxə} other {# alınmamış ehtiyat nüsxə}}',
    test: 'Vigil: yoxlama bildirişi. Bildirişləriniz bura gələcək.',
    open: 'İş sahəsini açın: {url}',
  },
});
