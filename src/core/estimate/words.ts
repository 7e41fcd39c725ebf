// An estimate in words (issue 12), in az, ru and en: every warning in plain language, the labels of
// the figures, and the one sentence a situation report may carry. The sentence always gives the
// interval: an estimate without its uncertainty is not to be published, so its type cannot be made
// without both bounds. (Translations want a native speaker's review before use.)
import type { Language } from '../i18n/languages.ts';
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

interface Words {
  warning: { [C in EstimateWarning['code']]: (w: Extract<EstimateWarning, { code: C }>, name: Named, num: (n: number) => string) => string };
  sentence: (s: EstimateSentence, num: (n: number) => string) => string;
  labels: {
    documented: string;
    onNoList: string;
    groups: string;
    observed: string;
    estimate: string;
    interval: string;
    notComputed: string;
    unbounded: string;
    model: string;
    deviance: string;
    df: string;
    count: string;
    seen: string;
    list: (n: number) => string;
    histories: string;
    models: (criterion: string) => string;
    chart: string;
    warnings: string;
    method: (model: string, criterion: string) => string;
    /** The models' estimate averaged by their criterion's weights, with its Wald interval. */
    averaged: (estimate: string, interval: string, criterion: string) => string;
    heading: string;
    caveat: string;
    onNoListNote: (n: string) => string;
    belowDocumented: string;
  };
}

const criterionName = (c: Criterion) => c.toUpperCase();
const dash = (from: string | null, to: string | null) => `${from ?? '…'} – ${to ?? '…'}`;

const en: Words = {
  warning: {
    'assumption-closed-population': () =>
      'Closed population: the estimate assumes nobody entered or left the population during the period, and that the lists saw the same people (the same period, the same kind of violation, the same place).',
    'assumption-homogeneity': () =>
      'Homogeneity: the estimate assumes everyone was equally likely to be caught by a list, and that the lists are independent or their dependence is modelled. People who hide more (afraid, outed by reporting) break it, and then the estimate is too low.',
    'small-overlap': (w, name, num) => `Only ${num(w.people)} ${w.people === 1 ? 'person is' : 'people are'} on both ${name(w.lists[0])} and ${name(w.lists[1])}: so small an overlap makes the estimate unstable.`,
    'models-bounded': (w, _n, num) => `With this many lists not every model could be tried: the ${num(w.fitted)} simplest models (and the one with every pair of lists) were compared.`,
    'not-converged': (w) => `Model ${w.model} did not converge: its figures are not reliable.`,
    boundary: (w) => `Model ${w.model} is on the boundary (a fitted count is pushed to zero or infinity): its estimate and interval are not reliable.`,
    'large-bias': (w, _n, num) => `Model ${w.model} is unstable: its own bias (about ${num(Math.abs(w.bias))} people) is more than a tenth of its estimate.`,
    'interaction-of-lists-apart': (w, name) =>
      `Model ${w.model} lets ${name(w.lists[0])} and ${name(w.lists[1])} depend on each other, but they share nobody: its estimate is a limit, computed but less certain than it looks.`,
    'no-fit-check': (w) => `Model ${w.model} has as many parameters as there are patterns: it reproduces the data exactly, so nothing checks that it fits.`,
    'interval-at-observed': (w) => `The interval of model ${w.model} starts at the documented count: the data cannot rule out that nobody was missed.`,
    'interval-unbounded': (w, _n, num) => `The interval of model ${w.model} has no upper end (searched up to ${num(w.searchedTo)}): the data cannot say how many were missed. Do not publish this estimate.`,
  },
  sentence: (s, num) =>
    `${s.period ? `Acts ${dash(s.period.from, s.period.to)}: documented` : 'Documented'} ${num(s.documented)}; estimated ${num(s.estimate)} (95 % CI ${num(s.ci95[0])}–${num(s.ci95[1])}), log-linear model ${s.model} chosen by ${criterionName(s.select)}, lists used: ${s.lists.join(', ')}.`,
  labels: {
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
    list: (n) => `List ${n}`,
    histories: 'Capture histories: people by the lists that saw them',
    models: (c) => `Models ranked by ${c}`,
    chart: 'Estimates of the best models, with their 95 % intervals; the line is the documented count',
    warnings: 'What to keep in mind',
    method: (model, c) => `log-linear model ${model}, chosen by ${c}; profile-likelihood interval`,
    averaged: (e, i, c) => `Averaged over every model by its ${c} weight: ${e} (95 % interval ${i}). When it differs much from the estimate above, several models fit about as well and disagree: trust the wider of the two intervals.`,
    heading: 'Estimate of the people not documented',
    caveat: 'A statistical estimate from the overlaps of independent lists (multiple systems estimation). It assumes a closed population and lists that catch everyone alike; read it with its interval.',
    onNoListNote: (n) => `${n} of the people documented are on none of the chosen lists: to the estimate they are among those the lists missed.`,
    belowDocumented: 'The estimate is below the number of people documented: the chosen lists miss people the organization knows of, so the estimate says too little.',
  },
};

const ru: Words = {
  warning: {
    'assumption-closed-population': () =>
      'Закрытая популяция: оценка предполагает, что за период никто не вошёл в эту группу людей и не покинул её, и что списки видели одних и тех же людей (тот же период, тот же вид нарушения, то же место).',
    'assumption-homogeneity': () =>
      'Однородность: оценка предполагает, что у каждого была одинаковая вероятность попасть в список, а списки независимы или их зависимость учтена моделью. Если одни люди скрываются больше других (боятся, рискуют быть раскрытыми), оценка занижена.',
    'small-overlap': (w, name, num) => `Только ${num(w.people)} чел. есть и в списке «${name(w.lists[0])}», и в списке «${name(w.lists[1])}»: при таком малом пересечении оценка неустойчива.`,
    'models-bounded': (w, _n, num) => `При таком числе списков нельзя перебрать все модели: сравнивались ${num(w.fitted)} самых простых (и модель со всеми парами списков).`,
    'not-converged': (w) => `Модель ${w.model} не сошлась: её результаты ненадёжны.`,
    boundary: (w) => `Модель ${w.model} на границе (одна из ожидаемых частот уходит в ноль или бесконечность): её оценка и интервал ненадёжны.`,
    'large-bias': (w, _n, num) => `Модель ${w.model} неустойчива: её собственное смещение (около ${num(Math.abs(w.bias))} чел.) больше десятой части оценки.`,
    'interaction-of-lists-apart': (w, name) =>
      `Модель ${w.model} учитывает зависимость списков «${name(w.lists[0])}» и «${name(w.lists[1])}», но общих людей у них нет: её оценка — предельное значение, менее надёжное, чем кажется.`,
    'no-fit-check': (w) => `У модели ${w.model} столько же параметров, сколько наблюдаемых сочетаний: она в точности воспроизводит данные, и проверить её согласие с ними нечем.`,
    'interval-at-observed': (w) => `Интервал модели ${w.model} начинается с числа задокументированных: данные не исключают, что никто не был пропущен.`,
    'interval-unbounded': (w, _n, num) => `У интервала модели ${w.model} нет верхней границы (поиск до ${num(w.searchedTo)}): данные не говорят, сколько людей пропущено. Не публикуйте эту оценку.`,
  },
  sentence: (s, num) =>
    `${s.period ? `Нарушения ${dash(s.period.from, s.period.to)}: задокументировано` : 'Задокументировано'} ${num(s.documented)}; оценка ${num(s.estimate)} (95 % ДИ ${num(s.ci95[0])}–${num(s.ci95[1])}), лог-линейная модель ${s.model}, выбранная по ${criterionName(s.select)}, использованные списки: ${s.lists.join(', ')}.`,
  labels: {
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
    list: (n) => `Список ${n}`,
    histories: 'Истории поимки: люди по спискам, в которых они есть',
    models: (c) => `Модели по ${c}`,
    chart: 'Оценки лучших моделей с 95 % интервалами; линия — число задокументированных',
    warnings: 'Что нужно учитывать',
    method: (model, c) => `лог-линейная модель ${model}, выбранная по ${c}; интервал по профилю правдоподобия`,
    averaged: (e, i, c) => `Среднее по всем моделям с весами ${c}: ${e} (95 % интервал ${i}). Если оно сильно отличается от оценки выше, несколько моделей подходят почти одинаково и расходятся: доверяйте более широкому из двух интервалов.`,
    heading: 'Оценка числа незадокументированных людей',
    caveat: 'Статистическая оценка по пересечениям независимых списков (оценка по множественным источникам). Она предполагает закрытую популяцию и списки, одинаково охватывающие всех; читайте её вместе с интервалом.',
    onNoListNote: (n) => `${n} из задокументированных людей нет ни в одном из выбранных списков: для оценки они среди тех, кого списки пропустили.`,
    belowDocumented: 'Оценка меньше числа задокументированных людей: выбранные списки пропускают людей, о которых организация знает, и оценка занижена.',
  },
};

const az: Words = {
  warning: {
    'assumption-closed-population': () =>
      'Qapalı populyasiya: qiymətləndirmə fərz edir ki, dövr ərzində heç kim bu insanlar qrupuna daxil olmayıb və ondan çıxmayıb, siyahılar da eyni insanları görüb (eyni dövr, eyni pozuntu növü, eyni yer).',
    'assumption-homogeneity': () =>
      'Bircinslik: qiymətləndirmə fərz edir ki, hər kəsin siyahıya düşmə ehtimalı eynidir, siyahılar isə bir-birindən asılı deyil və ya onların asılılığı modeldə nəzərə alınıb. Bəziləri daha çox gizlənirsə (qorxu, ifşa riski), qiymətləndirmə aşağı olur.',
    'small-overlap': (w, name, num) => `Yalnız ${num(w.people)} nəfər həm «${name(w.lists[0])}», həm də «${name(w.lists[1])}» siyahısındadır: bu qədər kiçik kəsişmə qiymətləndirməni qeyri-sabit edir.`,
    'models-bounded': (w, _n, num) => `Bu qədər siyahı ilə bütün modelləri yoxlamaq mümkün deyil: ən sadə ${num(w.fitted)} model (və bütün siyahı cütləri olan model) müqayisə olundu.`,
    'not-converged': (w) => `${w.model} modeli yığılmadı: onun nəticələri etibarlı deyil.`,
    boundary: (w) => `${w.model} modeli sərhəddədir (gözlənilən saylardan biri sıfıra və ya sonsuzluğa gedir): onun qiyməti və intervalı etibarlı deyil.`,
    'large-bias': (w, _n, num) => `${w.model} modeli qeyri-sabitdir: onun öz sürüşməsi (təxminən ${num(Math.abs(w.bias))} nəfər) qiymətləndirmənin onda birindən çoxdur.`,
    'interaction-of-lists-apart': (w, name) =>
      `${w.model} modeli «${name(w.lists[0])}» və «${name(w.lists[1])}» siyahılarının asılılığını nəzərə alır, lakin onların ortaq insanı yoxdur: qiymətləndirmə hədd qiymətidir, göründüyündən az etibarlıdır.`,
    'no-fit-check': (w) => `${w.model} modelinin müşahidə olunan birləşmələr qədər parametri var: o, məlumatları dəqiq təkrarlayır, uyğunluğunu yoxlamaq mümkün deyil.`,
    'interval-at-observed': (w) => `${w.model} modelinin intervalı sənədləşdirilmiş saydan başlayır: məlumatlar heç kimin buraxılmadığını istisna etmir.`,
    'interval-unbounded': (w, _n, num) => `${w.model} modelinin intervalının yuxarı həddi yoxdur (${num(w.searchedTo)}-dək axtarıldı): məlumatlar neçə nəfərin buraxıldığını demir. Bu qiymətləndirməni dərc etməyin.`,
  },
  sentence: (s, num) =>
    `${s.period ? `Pozuntular ${dash(s.period.from, s.period.to)}: sənədləşdirilib` : 'Sənədləşdirilib'} ${num(s.documented)}; qiymətləndirmə ${num(s.estimate)} (95 % EI ${num(s.ci95[0])}–${num(s.ci95[1])}), ${criterionName(s.select)} ilə seçilmiş log-xətti model ${s.model}, istifadə olunan siyahılar: ${s.lists.join(', ')}.`,
  labels: {
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
    list: (n) => `Siyahı ${n}`,
    histories: 'Tutulma tarixçələri: insanlar onları görən siyahılara görə',
    models: (c) => `${c} üzrə sıralanmış modellər`,
    chart: 'Ən yaxşı modellərin qiymətləri və 95 % intervalları; xətt sənədləşdirilmiş saydır',
    warnings: 'Nəzərə alınmalı olanlar',
    method: (model, c) => `${c} ilə seçilmiş log-xətti model ${model}; profil həqiqətəbənzərlik intervalı`,
    averaged: (e, i, c) => `Bütün modellər üzrə ${c} çəkiləri ilə orta qiymət: ${e} (95 % interval ${i}). Yuxarıdakı qiymətləndirmədən çox fərqlənirsə, bir neçə model təxminən eyni dərəcədə uyğundur və fərqli nəticə verir: iki intervaldan daha genişinə etibar edin.`,
    heading: 'Sənədləşdirilməmiş insanların sayının qiymətləndirilməsi',
    caveat: 'Müstəqil siyahıların kəsişmələrinə əsaslanan statistik qiymətləndirmə (çoxsaylı mənbələr üzrə qiymətləndirmə). O, qapalı populyasiya və hər kəsi eyni dərəcədə əhatə edən siyahılar fərz edir; onu intervalı ilə birlikdə oxuyun.',
    onNoListNote: (n) => `Sənədləşdirilmiş insanlardan ${n} nəfəri seçilmiş siyahıların heç birində yoxdur: qiymətləndirmə üçün onlar siyahıların buraxdıqları arasındadır.`,
    belowDocumented: 'Qiymətləndirmə sənədləşdirilmiş insanların sayından azdır: seçilmiş siyahılar təşkilatın bildiyi insanları buraxır, qiymətləndirmə aşağıdır.',
  },
};

export const ESTIMATE_WORDS: Record<Language, Words> = { az, ru, en };

/** The labels of the figures in a language. */
export const estimateLabels = (language: Language): Words['labels'] => ESTIMATE_WORDS[language].labels;

/** One warning in plain words; `lists` names the lists in order (list 0 first). */
export function warningText(language: Language, warning: EstimateWarning, lists: readonly string[]): string {
  const say = ESTIMATE_WORDS[language].warning[warning.code] as (w: EstimateWarning, name: Named, num: (n: number) => string) => string;
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
