// The screens before the workspace opens: logging in (and its second step), first-run setup, an
// invitation, a locked-down organization, an address that is not secure.
import { defineWords } from '../../../core/i18n/message.ts';

export const entryWords = defineWords({
  en: {
    tabTitle: 'Vigil workspace',
    loginTitle: 'Log in',
    loginIntro: 'Your passphrase stays in this browser. It unlocks your keys here; the server receives only a derived login key.',
    email: 'Email',
    passphrase: 'Passphrase',
    passphraseAgain: 'Passphrase again',
    logIn: 'Log in',
    unlocking: 'Unlocking…',
    keysNotOpened: 'Your keys could not be opened.',
    wrongPassphrase: 'Your keys could not be opened with this passphrase.',

    secondStep: 'Second step',
    usePasskey: 'Use my passkey',
    recoveryCode: 'A recovery code',
    authenticatorCode: 'The 6-digit code from your authenticator app',
    checking: 'Checking…',
    continue: 'Continue',
    useAuthenticator: 'Use my authenticator app instead',
    useRecoveryCode: 'Use a recovery code instead',
    secondFactorFailed: 'The second factor could not be checked.',
    tooManyCodes: 'Too many wrong codes. Log in again with your passphrase.',

    setupTitle: 'Set up Vigil',
    setupIntro:
      "This page makes your organization's keys in this browser. The server never sees your passphrase and cannot recover it: if it is forgotten, another administrator must invite you again.",
    organizationName: 'Organization name (private, shown to members only)',
    publicTitle: 'Public title of the site',
    publicTitleHint: 'Shown to reporters. Choose something neutral: it must not announce what the site is.',
    defaultPublicTitle: 'Community notes',
    publicLanguages: 'Languages of the public pages',
    timeZoneNote: "Times will be shown in this browser's time zone, {zone}.",
    adminEmail: 'Your email (the first administrator)',
    makingKeys: 'Making keys…',
    createOrganization: 'Create organization',
    setupFailed: 'Setup failed.',
    chooseLanguage: 'Choose at least one language for the public pages.',
    passphraseTooShort: 'The passphrase must have at least {min} characters; four or more random words are best.',
    passphrasesDiffer: 'The two passphrases are not the same.',
    readyTitle: 'Your organization is ready',
    readyKeys: 'The keys were made in this browser; the server holds only public keys and locked copies.',
    readyNext:
      "Next, on the workspace's {page} page, split a recovery kit among trustees (say any 3 of 5): without it, a forgotten passphrase or an arrested administrator can lose the organization's memory for good.",
    logInToWorkspace: 'Log in to the workspace',

    joinTitle: 'Join your team',
    joinIntro:
      'This page makes your keys in this browser. Your passphrase never leaves it and nobody can recover it: if you forget it, an administrator must invite you again.',
    yourEmail: 'Your email',
    passphraseHint: 'At least {min} characters; four or more random words are best.',
    makeKeysAndJoin: 'Make my keys and join',
    invitationGone: 'This invitation link no longer works: it was used, revoked or has expired. Ask the administrator for a new one.',
    alreadyMember: 'This email address already belongs to a member. Use another one, or log in.',
    keysNotMade: 'Your keys could not be made in this browser.',
    safetyCodeTitle: 'Your safety code',
    readCode: 'Read this code to the administrator who invited you, in person or by phone. They will grant you access only if it matches what they see.',
    notSameChannel: 'Do not send it by the same channel as the invitation link. Until the administrator confirms, you can log in but not read reports.',

    lockedTitle: 'This organization is locked down',
    lockedWhat:
      'An administrator or the trustees locked it down. Every session ended and every key held on this server was destroyed: no passphrase opens anything here any more, and logging in is refused.',
    lockedReports:
      "Reports sent through the public form still arrive, sealed to the organization's key, and nobody can read them on this server. They are not in backups made before the lockdown: keep this server's data if you can.",
    lockedNext: 'What the team does next',
    lockedStepServer: "Prepare a new server. Do not trust this one again: it may be in someone else's hands.",
    lockedStepRestore:
      "An administrator restores the latest backup kept off this server on it (the server deleted the backups in its own folder), with the trustees' shares: {command}.",
    lockedStepTrustees:
      "As many trustees as the recovery kit needs meet and type their shares, which gives the organization's keys back to an administrator. Then the team logs in there.",

    insecureTitle: 'This address is not secure',
    insecureText:
      'The workspace decrypts reports in your browser, which browsers allow only over HTTPS (or on this computer, at localhost). Open Vigil at its https:// address.',
  },
  ru: {
    tabTitle: 'Рабочее пространство Vigil',
    loginTitle: 'Вход',
    loginIntro: 'Ваша парольная фраза остаётся в этом браузере. Она открывает ваши ключи здесь; сервер получает только выведенный из неё ключ входа.',
    email: 'Электронная почта',
    passphrase: 'Парольная фраза',
    passphraseAgain: 'Парольная фраза ещё раз',
    logIn: 'Войти',
    unlocking: 'Открываем ключи…',
    keysNotOpened: 'Не удалось открыть ваши ключи.',
    wrongPassphrase: 'Этой парольной фразой ваши ключи не открываются.',

    secondStep: 'Второй шаг',
    usePasskey: 'Использовать мой ключ доступа',
    recoveryCode: 'Код восстановления',
    authenticatorCode: 'Шестизначный код из приложения-аутентификатора',
    checking: 'Проверяем…',
    continue: 'Продолжить',
    useAuthenticator: 'Использовать приложение-аутентификатор',
    useRecoveryCode: 'Использовать код восстановления',
    secondFactorFailed: 'Не удалось проверить второй фактор.',
    tooManyCodes: 'Слишком много неверных кодов. Войдите снова с парольной фразой.',

    setupTitle: 'Настройка Vigil',
    setupIntro:
      'На этой странице ключи вашей организации создаются в этом браузере. Сервер никогда не видит вашу парольную фразу и не может её восстановить: если вы её забудете, другой администратор должен будет пригласить вас снова.',
    organizationName: 'Название организации (закрытое, его видят только участники)',
    publicTitle: 'Публичное название сайта',
    publicTitleHint: 'Его видят те, кто сообщает. Выберите что-то нейтральное: название не должно выдавать, что это за сайт.',
    defaultPublicTitle: 'Заметки сообщества',
    publicLanguages: 'Языки публичных страниц',
    timeZoneNote: 'Время будет показываться в часовом поясе этого браузера: {zone}.',
    adminEmail: 'Ваша почта (первый администратор)',
    makingKeys: 'Создаём ключи…',
    createOrganization: 'Создать организацию',
    setupFailed: 'Настройка не удалась.',
    chooseLanguage: 'Выберите хотя бы один язык публичных страниц.',
    passphraseTooShort: 'В парольной фразе должно быть не меньше {min} знаков; лучше всего четыре или больше случайных слов.',
    passphrasesDiffer: 'Две парольные фразы не совпадают.',
    readyTitle: 'Ваша организация готова',
    readyKeys: 'Ключи созданы в этом браузере; на сервере только открытые ключи и запертые копии.',
    readyNext:
      'Дальше на странице «{page}» рабочего пространства разделите набор восстановления между доверенными лицами (скажем, любые 3 из 5): без него забытая парольная фраза или арест администратора могут навсегда лишить организацию её памяти.',
    logInToWorkspace: 'Войти в рабочее пространство',

    joinTitle: 'Присоединиться к команде',
    joinIntro:
      'На этой странице ваши ключи создаются в этом браузере. Парольная фраза никогда его не покидает, и никто не сможет её восстановить: если вы её забудете, администратор должен будет пригласить вас снова.',
    yourEmail: 'Ваша почта',
    passphraseHint: 'Не меньше {min} знаков; лучше всего четыре или больше случайных слов.',
    makeKeysAndJoin: 'Создать ключи и присоединиться',
    invitationGone: 'Эта ссылка-приглашение больше не действует: её использовали, отозвали или истёк её срок. Попросите у администратора новую.',
    alreadyMember: 'Этот адрес почты уже принадлежит участнику. Укажите другой или войдите.',
    keysNotMade: 'Не удалось создать ваши ключи в этом браузере.',
    safetyCodeTitle: 'Ваш код безопасности',
    readCode: 'Продиктуйте этот код администратору, который вас пригласил, лично или по телефону. Он даст вам доступ, только если код совпадёт с тем, что видит он.',
    notSameChannel: 'Не отправляйте его тем же путём, каким пришла ссылка-приглашение. Пока администратор не подтвердит код, вы можете войти, но не можете читать сообщения.',

    lockedTitle: 'Эта организация заблокирована',
    lockedWhat:
      'Её заблокировал администратор или доверенные лица. Все сеансы завершены, все ключи на этом сервере уничтожены: ни одна парольная фраза здесь больше ничего не открывает, и вход запрещён.',
    lockedReports:
      'Сообщения через публичную форму по-прежнему приходят, запечатанные ключом организации, и на этом сервере их никто не может прочитать. В резервных копиях, сделанных до блокировки, их нет: если можете, сохраните данные этого сервера.',
    lockedNext: 'Что команда делает дальше',
    lockedStepServer: 'Подготовьте новый сервер. Этому больше не доверяйте: он может быть в чужих руках.',
    lockedStepRestore:
      'Администратор восстанавливает на нём последнюю резервную копию, хранившуюся вне этого сервера (копии в его собственной папке сервер удалил), с долями доверенных лиц: {command}.',
    lockedStepTrustees:
      'Столько доверенных лиц, сколько требует набор восстановления, встречаются и вводят свои доли — так ключи организации возвращаются к администратору. После этого команда входит там.',

    insecureTitle: 'Этот адрес не защищён',
    insecureText:
      'Рабочее пространство расшифровывает сообщения в вашем браузере, а браузеры разрешают это только по HTTPS (или на этом компьютере, по адресу localhost). Откройте Vigil по его адресу https://.',
  },
  az: {
    tabTitle: 'Vigil iş sahəsi',
    loginTitle: 'Giriş',
    loginIntro: 'Parol ifadəniz bu brauzerdə qalır. O, açarlarınızı burada açır; server yalnız ondan törədilmiş giriş açarını alır.',
    email: 'E-poçt',
    passphrase: 'Parol ifadəsi',
    passphraseAgain: 'Parol ifadəsi yenidən',
    logIn: 'Daxil ol',
    unlocking: 'Açarlar açılır…',
    keysNotOpened: 'Açarlarınız açılmadı.',
    wrongPassphrase: 'Açarlarınız bu parol ifadəsi ilə açılmadı.',

    secondStep: 'İkinci addım',
    usePasskey: 'Giriş açarımdan istifadə et',
    recoveryCode: 'Bərpa kodu',
    authenticatorCode: 'Autentifikator tətbiqindəki 6 rəqəmli kod',
    checking: 'Yoxlanılır…',
    continue: 'Davam et',
    useAuthenticator: 'Bunun əvəzinə autentifikator tətbiqindən istifadə et',
    useRecoveryCode: 'Bunun əvəzinə bərpa kodundan istifadə et',
    secondFactorFailed: 'İkinci faktor yoxlanıla bilmədi.',
    tooManyCodes: 'Çox sayda yanlış kod. Parol ifadənizlə yenidən daxil olun.',

    setupTitle: 'Vigil-i qurmaq',
    setupIntro:
      'Bu səhifə təşkilatınızın açarlarını bu brauzerdə yaradır. Server parol ifadənizi heç vaxt görmür və onu bərpa edə bilməz: unudulsa, başqa administrator sizi yenidən dəvət etməlidir.',
    organizationName: 'Təşkilatın adı (gizli, yalnız üzvlərə görünür)',
    publicTitle: 'Saytın ictimai adı',
    publicTitleHint: 'Məlumat göndərənlərə görünür. Neytral bir ad seçin: ad saytın nə olduğunu bildirməməlidir.',
    defaultPublicTitle: 'İcma qeydləri',
    publicLanguages: 'İctimai səhifələrin dilləri',
    timeZoneNote: 'Vaxt bu brauzerin saat qurşağında göstəriləcək: {zone}.',
    adminEmail: 'E-poçtunuz (ilk administrator)',
    makingKeys: 'Açarlar yaradılır…',
    createOrganization: 'Təşkilatı yarat',
    setupFailed: 'Quraşdırma alınmadı.',
    chooseLanguage: 'İctimai səhifələr üçün ən azı bir dil seçin.',
    passphraseTooShort: 'Parol ifadəsində ən azı {min} simvol olmalıdır; ən yaxşısı dörd və ya daha çox təsadüfi sözdür.',
    passphrasesDiffer: 'İki parol ifadəsi eyni deyil.',
    readyTitle: 'Təşkilatınız hazırdır',
    readyKeys: 'Açarlar bu brauzerdə yaradıldı; serverdə yalnız açıq açarlar və kilidli nüsxələr saxlanılır.',
    readyNext:
      'Sonra iş sahəsinin «{page}» səhifəsində bərpa dəstini qəyyumlar arasında bölün (məsələn, 5 nəfərdən istənilən 3-ü): onsuz unudulmuş parol ifadəsi və ya həbs olunmuş administrator təşkilatın yaddaşını həmişəlik itirə bilər.',
    logInToWorkspace: 'İş sahəsinə daxil ol',

    joinTitle: 'Komandanıza qoşulun',
    joinIntro:
      'Bu səhifə açarlarınızı bu brauzerdə yaradır. Parol ifadəniz onu heç vaxt tərk etmir və heç kim onu bərpa edə bilməz: unutsanız, administrator sizi yenidən dəvət etməlidir.',
    yourEmail: 'E-poçtunuz',
    passphraseHint: 'Ən azı {min} simvol; ən yaxşısı dörd və ya daha çox təsadüfi sözdür.',
    makeKeysAndJoin: 'Açarlarımı yarat və qoşul',
    invitationGone: 'Bu dəvət keçidi artıq işləmir: ondan istifadə olunub, o geri götürülüb və ya vaxtı bitib. Administratordan yenisini istəyin.',
    alreadyMember: 'Bu e-poçt ünvanı artıq bir üzvə məxsusdur. Başqasından istifadə edin və ya daxil olun.',
    keysNotMade: 'Açarlarınız bu brauzerdə yaradıla bilmədi.',
    safetyCodeTitle: 'Təhlükəsizlik kodunuz',
    readCode: 'Bu kodu sizi dəvət edən administratora şəxsən və ya telefonla oxuyun. O, sizə yalnız kod onun gördüyü ilə eyni olduqda giriş verəcək.',
    notSameChannel: 'Onu dəvət keçidinin gəldiyi yolla göndərməyin. Administrator təsdiqləyənə qədər daxil ola bilərsiniz, amma məlumatları oxuya bilməzsiniz.',

    lockedTitle: 'Bu təşkilat bloklanıb',
    lockedWhat:
      'Onu administrator və ya qəyyumlar blokladı. Bütün sessiyalar bitdi və bu serverdəki bütün açarlar məhv edildi: burada heç bir parol ifadəsi artıq heç nəyi açmır və giriş rədd edilir.',
    lockedReports:
      'İctimai forma ilə göndərilən məlumatlar təşkilatın açarı ilə kilidlənmiş halda gəlməkdə davam edir və bu serverdə heç kim onları oxuya bilmir. Onlar bloklamadan əvvəl çıxarılmış ehtiyat nüsxələrdə yoxdur: bacarırsınızsa, bu serverin məlumatlarını saxlayın.',
    lockedNext: 'Komanda bundan sonra nə edir',
    lockedStepServer: 'Yeni server hazırlayın. Bu serverə bir daha etibar etməyin: o, başqasının əlində ola bilər.',
    lockedStepRestore:
      'Administrator bu serverdən kənarda saxlanılan son ehtiyat nüsxəni qəyyumların payları ilə yeni serverdə bərpa edir (server öz qovluğundakı ehtiyat nüsxələri sildi): {command}.',
    lockedStepTrustees:
      'Bərpa dəstinin tələb etdiyi qədər qəyyum görüşür və paylarını daxil edir; bununla təşkilatın açarları administratora qaytarılır. Sonra komanda oraya daxil olur.',

    insecureTitle: 'Bu ünvan təhlükəsiz deyil',
    insecureText:
      'İş sahəsi məlumatların şifrəsini brauzerinizdə açır, brauzerlər isə buna yalnız HTTPS üzərindən (və ya bu kompüterdə, localhost ünvanında) icazə verir. Vigil-i onun https:// ünvanında açın.',
  },
});
