// An estimate in words (issue 12), in az, ru and en: every warning in plain language, the labels of
// the figures, and the one sentence a situation report may carry. The sentence always gives the
// interval: an estimate without its uncertainty is not to be published, so its type cannot be made
// without both bounds. (Translations want a native speaker's review before use.)
import type { Language } from '../i18n/languages.ts';
import { defineWords, formatMessage, translator, type MessageArgs } from '../i18n/message.ts';
import type { Criterion, MseResult } from './select.ts';
import { isUnreliable, type EstimateWarning } from './warnings.ts';

/** Whole numbers as the language writes them: 1,050 · 1 050 · 1.050. */
export const formatNumber = (language: Language, n: number): string => n.toLocaleString(language === 'az' ? 'az-Latn' : language, { maximumFractionDigits: 0 });

/** A fit statistic (deviance, AIC, BIC) to two decimals. */
export const formatDecimal = (language: Language, n: number): string =>
  // A saturated model's deviance is 0 up to rounding: never "-0.00".
  (Math.abs(n) < 0.005 ? 0 : n).toLocaleString(language === 'az' ? 'az-Latn' : language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An estimate as people are counted: whole, its interval rounded outwards (never narrower than computed). */
export function roundedFigures(estimate: number, ci95: readonly [number, number | null]): { estimate: number; ci95: [number, number | null] } {
  return { estimate: Math.round(estimate), ci95: [Math.floor(ci95[0]), ci95[1] === null ? null : Math.ceil(ci95[1])] };
}

/** What a report may say of an estimate: never without a bounded 95 % interval. */
export interface EstimateSentence {
  documented: number;
  estimate: number;
  ci95: readonly [number, number];
  /** The model in list-position notation, e.g. "[12][3]". */
  model: string;
  select: Criterion;
  /** The lists' names in order (list 1 first), as the reader should see them. */
  lists: readonly string[];
  /** Days of the acts counted, when a period was chosen. */
  period?: { from: string | null; to: string | null };
}

type Named = (list: number) => string;

/**
 * Every warning in plain language, keyed by its code. Figures come in as the language writes them
 * (`formatNumber`), as text, so ICU does not format them again; `count` is the bare number a plural
 * chooses by. Lists are `{a}` and `{b}`, by name.
 */
export const estimateWarningWords = defineWords({
  en: {
    'assumption-closed-population':
      'Closed population: the estimate assumes nobody entered or left the population during the period, and that the lists saw the same people (the same period, the same kind of violation, the same place).',
    'assumption-homogeneity':
      'Homogeneity: the estimate assumes everyone was equally likely to be caught by a list, and that the lists are independent or their dependence is modelled. People who hide more (afraid, outed by reporting) break it, and then the estimate is too low.',
    'small-overlap': 'Only {people} {count, plural, one {person is} other {people are}} on both {a} and {b}: so small an overlap makes the estimate unstable.',
    'models-bounded': 'With this many lists not every model could be tried: the {fitted} simplest models (and the one with every pair of lists) were compared.',
    'not-converged': 'Model {model} did not converge: its figures are not reliable.',
    boundary: 'Model {model} is on the boundary (a fitted count is pushed to zero or infinity): its estimate and interval are not reliable.',
    'large-bias': 'Model {model} is unstable: its own bias (about {bias} people) is more than a tenth of its estimate.',
    'interaction-of-lists-apart': 'Model {model} lets {a} and {b} depend on each other, but they share nobody: its estimate is a limit, computed but less certain than it looks.',
    'no-fit-check': 'Model {model} has as many parameters as there are patterns: it reproduces the data exactly, so nothing checks that it fits.',
    'interval-at-observed': 'The interval of model {model} starts at the documented count: the data cannot rule out that nobody was missed.',
    'interval-unbounded': 'The interval of model {model} has no upper end (searched up to {searchedTo}): the data cannot say how many were missed. Do not publish this estimate.',
  },
  ru: {
    'assumption-closed-population':
      'Закрытая популяция: оценка предполагает, что за период никто не вошёл в эту группу людей и не покинул её, и что списки видели одних и тех же людей (тот же период, тот же вид нарушения, то же место).',
    'assumption-homogeneity':
      'Однородность: оценка предполагает, что у каждого была одинаковая вероятность попасть в список, а списки независимы или их зависимость учтена моделью. Если одни люди скрываются больше других (боятся, рискуют быть раскрытыми), оценка занижена.',
    // "чел." is the same in every form.
    'small-overlap': 'Только {people} {count, plural, one {чел.} few {чел.} many {чел.} other {чел.}} есть и в списке «{a}», и в списке «{b}»: при таком малом пересечении оценка неустойчива.',
    'models-bounded': 'При таком числе списков нельзя перебрать все модели: сравнивались {fitted} самых простых (и модель со всеми парами списков).',
    'not-converged': 'Модель {model} не сошлась: её результаты ненадёжны.',
    boundary: 'Модель {model} на границе (одна из ожидаемых частот уходит в ноль или бесконечность): её оценка и интервал ненадёжны.',
    'large-bias': 'Модель {model} неустойчива: её собственное смещение (около {bias} чел.) больше десятой части оценки.',
    'interaction-of-lists-apart': 'Модель {model} учитывает зависимость списков «{a}» и «{b}», но общих людей у них нет: её оценка — предельное значение, менее надёжное, чем кажется.',
    'no-fit-check': 'У модели {model} столько же параметров, сколько наблюдаемых сочетаний: она в точности воспроизводит данные, и проверить её согласие с ними нечем.',
    'interval-at-observed': 'Интервал модели {model} начинается с числа задокументированных: данные не исключают, что никто не был пропущен.',
    'interval-unbounded': 'У интервала модели {model} нет верхней границы (поиск до {searchedTo}): данные не говорят, сколько людей пропущено. Не публикуйте эту оценку.',
  },
  az: {
    'assumption-closed-population':
      'Qapalı populyasiya: qiymətləndirmə fərz edir ki, dövr ərzində heç kim bu insanlar qrupuna daxil olmayıb və ondan çıxmayıb, siyahılar da eyni insanları görüb (eyni dövr, eyni pozuntu növü, eyni yer).',
    'assumption-homogeneity':
      'Bircinslik: qiymətləndirmə fərz edir ki, hər kəsin siyahıya düşmə ehtimalı eynidir, siyahılar isə bir-birindən asılı deyil və ya onların asılılığı modeldə nəzərə alınıb. Bəziləri daha çox gizlənirsə (qorxu, ifşa riski), qiymətləndirmə aşağı olur.',
    // "nəfər" is the same in every form.
    'small-overlap': 'Yalnız {people} {count, plural, one {nəfər} other {nəfər}} həm «{a}», həm də «{b}» siyahısındadır: bu qədər kiçik kəsişmə qiymətləndirməni qeyri-sabit edir.',
    'models-bounded': 'Bu qədər siyahı ilə bütün modelləri yoxlamaq mümkün deyil: ən sadə {fitted} model (və bütün siyahı cütləri olan model) müqayisə olundu.',
    'not-converged': '{model} modeli yığılmadı: onun nəticələri etibarlı deyil.',
    boundary: '{model} modeli sərhəddədir (gözlənilən saylardan biri sıfıra və ya sonsuzluğa gedir): onun qiyməti və intervalı etibarlı deyil.',
    'large-bias': '{model} modeli qeyri-sabitdir: onun öz sürüşməsi (təxminən {bias} nəfər) qiymətləndirmənin onda birindən çoxdur.',
    'interaction-of-lists-apart': '{model} modeli «{a}» və «{b}» siyahılarının asılılığını nəzərə alır, lakin onların ortaq insanı yoxdur: qiymətləndirmə hədd qiymətidir, göründüyündən az etibarlıdır.',
    'no-fit-check': '{model} modelinin müşahidə olunan birləşmələr qədər parametri var: o, məlumatları dəqiq təkrarlayır, uyğunluğunu yoxlamaq mümkün deyil.',
    'interval-at-observed': '{model} modelinin intervalı sənədləşdirilmiş saydan başlayır: məlumatlar heç kimin buraxılmadığını istisna etmir.',
    'interval-unbounded': '{model} modelinin intervalının yuxarı həddi yoxdur ({searchedTo}-dək axtarıldı): məlumatlar neçə nəfərin buraxıldığını demir. Bu qiymətləndirməni dərc etməyin.',
  },
});

/**
 * The one sentence a report may carry. Its figures come in written (`formatNumber`), `{criterion}` as
 * AIC or BIC, `{lists}` joined; `{period}` is yes when a period was chosen, `{from}` and `{to}` then
 * its days (… when open).
 */
export const estimateSentenceWords = defineWords({
  en: {
    sentence:
      '{period, select, yes {Acts {from} – {to}: documented} other {Documented}} {documented}; estimated {estimate} (95 % CI {low}–{high}), log-linear model {model} chosen by {criterion}, lists used: {lists}.',
  },
  ru: {
    sentence:
      '{period, select, yes {Нарушения {from} – {to}: задокументировано} other {Задокументировано}} {documented}; оценка {estimate} (95 % ДИ {low}–{high}), лог-линейная модель {model}, выбранная по {criterion}, использованные списки: {lists}.',
  },
  az: {
    sentence:
      '{period, select, yes {Pozuntular {from} – {to}: sənədləşdirilib} other {Sənədləşdirilib}} {documented}; qiymətləndirmə {estimate} (95 % EI {low}–{high}), {criterion} ilə seçilmiş log-xətti model {model}, istifadə olunan siyahılar: {lists}.',
  },
});

/** The labels of the figures; `{criterion}` is AIC or BIC, figures and intervals come in written. */
export const estimateLabelWords = defineWords({
  en: {
    documented: 'People documented',
    onNoList: 'On none of the chosen lists',
    groups: 'Groups left out (their members are not known one by one)',
    observed: 'On at least one list',
    estimate: 'Estimate',
    interval: '95 % interval',
    notComputed: 'not computed',
    unbounded: 'no upper end',
    model: 'Model',
    deviance: 'Deviance',
    df: 'df',
    count: 'People',
    seen: 'seen',
    list: 'List {n}',
    histories: 'Capture histories: people by the lists that saw them',
    models: 'Models ranked by {criterion}',
    chart: 'Estimates of the best models, with their 95 % intervals; the line is the documented count',
    warnings: 'What to keep in mind',
    method: 'log-linear model {model}, chosen by {criterion}; profile-likelihood interval',
    averaged: 'Averaged over every model by its {criterion} weight: {estimate} (95 % interval {interval}). When it differs much from the estimate above, several models fit about as well and disagree: trust the wider of the two intervals.',
    heading: 'Estimate of the people not documented',
    caveat: 'A statistical estimate from the overlaps of independent lists (multiple systems estimation). It assumes a closed population and lists that catch everyone alike; read it with its interval.',
    onNoListNote: '{n} of the people documented are on none of the chosen lists: to the estimate they are among those the lists missed.',
    belowDocumented: 'The estimate is below the number of people documented: the chosen lists miss people the organization knows of, so the estimate says too little.',
  },
  ru: {
    documented: 'Задокументировано людей',
    onNoList: 'Нет ни в одном из выбранных списков',
    groups: 'Группы не учтены (их участники не известны поимённо)',
    observed: 'Хотя бы в одном списке',
    estimate: 'Оценка',
    interval: '95 % интервал',
    notComputed: 'не вычислен',
    unbounded: 'без верхней границы',
    model: 'Модель',
    deviance: 'Девианс',
    df: 'ст. св.',
    count: 'Людей',
    seen: 'есть',
    list: 'Список {n}',
    histories: 'Истории поимки: люди по спискам, в которых они есть',
    models: 'Модели по {criterion}',
    chart: 'Оценки лучших моделей с 95 % интервалами; линия — число задокументированных',
    warnings: 'Что нужно учитывать',
    method: 'лог-линейная модель {model}, выбранная по {criterion}; интервал по профилю правдоподобия',
    averaged: 'Среднее по всем моделям с весами {criterion}: {estimate} (95 % интервал {interval}). Если оно сильно отличается от оценки выше, несколько моделей подходят почти одинаково и расходятся: доверяйте более широкому из двух интервалов.',
    heading: 'Оценка числа незадокументированных людей',
    caveat: 'Статистическая оценка по пересечениям независимых списков (оценка по множественным источникам). Она предполагает закрытую популяцию и списки, одинаково охватывающие всех; читайте её вместе с интервалом.',
    onNoListNote: '{n} из задокументированных людей нет ни в одном из выбранных списков: для оценки они среди тех, кого списки пропустили.',
    belowDocumented: 'Оценка меньше числа задокументированных людей: выбранные списки пропускают людей, о которых организация знает, и оценка занижена.',
  },
  az: {
    documented: 'Sənədləşdirilmiş insanlar',
    onNoList: 'Seçilmiş siyahıların heç birində yoxdur',
    groups: 'Qruplar nəzərə alınmayıb (üzvləri ayrı-ayrılıqda məlum deyil)',
    observed: 'Ən azı bir siyahıda',
    estimate: 'Qiymətləndirmə',
    interval: '95 % interval',
    notComputed: 'hesablanmayıb',
    unbounded: 'yuxarı həddi yoxdur',
    model: 'Model',
    deviance: 'Deviasiya',
    df: 's.d.',
    count: 'İnsanlar',
    seen: 'var',
    list: 'Siyahı {n}',
    histories: 'Tutulma tarixçələri: insanlar onları görən siyahılara görə',
    models: '{criterion} üzrə sıralanmış modellər',
    chart: 'Ən yaxşı modellərin qiymətləri və 95 % intervalları; xətt sənədləşdirilmiş saydır',
    warnings: 'Nəzərə alınmalı olanlar',
    method: '{criterion} ilə seçilmiş log-xətti model {model}; profil həqiqətəbənzərlik intervalı',
    averaged: 'Bütün modellər üzrə {criterion} çəkiləri ilə orta qiymət: {estimate} (95 % interval {interval}). Yuxarıdakı qiymətləndirmədən çox fərqlənirsə, bir neçə model təxminən eyni dərəcədə uyğundur və fərqli nəticə verir: iki intervaldan daha genişinə etibar edin.',
    heading: 'Sənədləşdirilməmiş insanların sayının qiymətləndirilməsi',
    caveat: 'Müstəqil siyahıların kəsişmələrinə əsaslanan statistik qiymətləndirmə (çoxsaylı mənbələr üzrə qiymətləndirmə). O, qapalı populyasiya və hər kəsi eyni dərəcədə əhatə edən siyahılar fərz edir; onu intervalı ilə birlikdə oxuyun.',
    onNoListNote: 'Sənədləşdirilmiş insanlardan {n} nəfəri seçilmiş siyahıların heç birində yoxdur: qiymətləndirmə üçün onlar siyahıların buraxdıqları arasındadır.',
    belowDocumented: 'Qiymətləndirmə sənədləşdirilmiş insanların sayından azdır: seçilmiş siyahılar təşkilatın bildiyi insanları buraxır, qiymətləndirmə aşağıdır.',
  },
});

/** A warning's values for its message: figures written in the language, lists by name. */
function warningArgs(w: EstimateWarning, name: Named, num: (n: number) => string): MessageArgs {
  const args: MessageArgs = {};
  if ('model' in w) args.model = w.model;
  if ('lists' in w) Object.assign(args, { a: name(w.lists[0]), b: name(w.lists[1]) });
  if ('people' in w) Object.assign(args, { count: w.people, people: num(w.people) });
  if ('fitted' in w) args.fitted = num(w.fitted);
  if ('bias' in w) args.bias = num(Math.abs(w.bias));
  if ('searchedTo' in w) args.searchedTo = num(w.searchedTo);
  return args;
}

type Say<W extends EstimateWarning> = (w: W, name: Named, num: (n: number) => string) => string;

/** The estimate's words in one language, as before the catalogs: plain labels as they are, worded ones as functions. */
function wordsIn(language: Language) {
  const warn = translator(estimateWarningWords, language);
  const label = translator(estimateLabelWords, language);
  const say = (code: EstimateWarning['code']): Say<EstimateWarning> => (w, name, num) => warn(code, warningArgs(w, name, num));
  const warning = Object.fromEntries((Object.keys(estimateWarningWords.en) as EstimateWarning['code'][]).map((code) => [code, say(code)])) as {
    [C in EstimateWarning['code']]: Say<Extract<EstimateWarning, { code: C }>>;
  };
  const sentence = (s: EstimateSentence, num: (n: number) => string): string =>
    formatMessage(language, estimateSentenceWords[language].sentence, {
      period: s.period ? 'yes' : 'no',
      from: s.period?.from ?? '…',
      to: s.period?.to ?? '…',
      documented: num(s.documented),
      estimate: num(s.estimate),
      low: num(s.ci95[0]),
      high: num(s.ci95[1]),
      model: s.model,
      criterion: criterionName(s.select),
      lists: s.lists.join(', '),
    });
  const labels = {
    ...estimateLabelWords[language],
    list: (n: number) => label('list', { n: String(n) }),
    models: (criterion: string) => label('models', { criterion }),
    method: (model: string, criterion: string) => label('method', { model, criterion }),
    /** The models' estimate averaged by their criterion's weights, with its Wald interval. */
    averaged: (estimate: string, interval: string, criterion: string) => label('averaged', { estimate, interval, criterion }),
    onNoListNote: (n: string) => label('onNoListNote', { n }),
  };
  return { warning, sentence, labels };
}
type EstimateWords = ReturnType<typeof wordsIn>;
export type EstimateLabels = EstimateWords['labels'];

const criterionName = (c: Criterion) => c.toUpperCase();

export const ESTIMATE_WORDS: Record<Language, EstimateWords> = { az: wordsIn('az'), ru: wordsIn('ru'), en: wordsIn('en') };

/** The labels of the figures in a language. */
export const estimateLabels = (language: Language): EstimateLabels => ESTIMATE_WORDS[language].labels;

/** One warning in plain words; `lists` names the lists in order (list 0 first). */
export function warningText(language: Language, warning: EstimateWarning, lists: readonly string[]): string {
  const say = ESTIMATE_WORDS[language].warning[warning.code] as Say<EstimateWarning>;
  return say(warning, (list) => lists[list] ?? String(list + 1), (n) => formatNumber(language, n));
}

/** "Documented 412; estimated 780 (95 % CI 610–1,050), log-linear model [12][3] chosen by AIC, lists used: …". */
export function estimateSentence(language: Language, s: EstimateSentence): string {
  if (![s.documented, s.estimate, ...s.ci95].every(Number.isFinite)) throw new RangeError('an estimate is stated only with a bounded interval');
  const rounded = roundedFigures(s.estimate, s.ci95);
  return ESTIMATE_WORDS[language].sentence({ ...s, ...rounded, ci95: [rounded.ci95[0], rounded.ci95[1]!] }, (n) => formatNumber(language, n));
}

/** Why an estimate may not go into a report; null when it may. */
export type NotReportable = 'no-model' | 'no-interval' | 'unbounded' | 'unreliable' | 'outside-interval' | 'below-documented';


/**
 * A report states an estimate only with a bounded interval that holds it, from a model whose fit is sound,
 * and never below the people the team has documented (the lists would then contradict the records).
 */
export function whyNotReportable(result: MseResult, documented: number): NotReportable | null {
  const best = result.models[0];
  if (result.model === null || result.estimate === null || !best) return 'no-model';
  if (!result.ci95) return 'no-interval';
  const [low, high] = result.ci95;
  if (high === null || !Number.isFinite(high)) return 'unbounded';
  if (isUnreliable(best.warnings)) return 'unreliable';
  if (!(low <= result.estimate && result.estimate <= high)) return 'outside-interval';
  if (high < documented) return 'below-documented';
  return null;
}

/** The sentence's figures from an estimate, or null when whyNotReportable refuses it. */
export function sentenceOf(result: MseResult, context: Pick<EstimateSentence, 'documented' | 'lists' | 'period'>): EstimateSentence | null {
  if (whyNotReportable(result, context.documented) !== null) return null;
  const [low, high] = result.ci95!;
  return { ...context, estimate: result.estimate!, ci95: [low, high!], model: result.model!, select: result.select };
}
