// Published capture–recapture data, shared by the estimation tests (core and command line).
//
// - HIV: Abeni, D.D., Brancato, G. and Perucci, C.A. (1994) Capture-recapture to estimate the size of the
//   population with human immunodeficiency virus type 1 infection. Epidemiology 5, 410–414; four reporting
//   centres in Rome. Counts as bundled in Rcapture 1.4-4 (data/HIV.rda, github.com/cran/Rcapture), whose
//   help page (man/HIV.Rd; Baillargeon, S. and Rivest, L.-P. (2007) Rcapture: Loglinear models for
//   capture-recapture in R. J. Stat. Software 19(5), doi:10.18637/jss.v019.i05) says: "1774 out of 1896
//   individuals (94%) appear on one list only" and, after fitting every pairwise interaction, "only the
//   [1,2] interaction is important".
// - Luanda: n1 = 792 people given a unique object, n2 = 353 in the second capture, m = 45 recaptures
//   (Population Size, HIV, and Behavior Among MSM in Luanda, Angola: Challenges and Findings in the First
//   Ever HIV and Syphilis Biological and Behavioral Survey, PMC4733005); the SISA capture–recapture
//   calculator's interval (4566.095, 7859.505), as reported in the triangulator documentation
//   (github.com/fellstat/triangulator, docs/prop.md).

/** The HIV lists: four 0/1 list columns, then the count of people with that pattern. */
export const HIV_ROWS = [
  [1, 1, 1, 1, 0], [1, 1, 1, 0, 3], [1, 1, 0, 1, 1], [1, 1, 0, 0, 33], [1, 0, 1, 1, 0], [1, 0, 1, 0, 20], [1, 0, 0, 1, 6], [1, 0, 0, 0, 403],
  [0, 1, 1, 1, 3], [0, 1, 1, 0, 35], [0, 1, 0, 1, 10], [0, 1, 0, 0, 545], [0, 0, 1, 1, 11], [0, 0, 1, 0, 621], [0, 0, 0, 1, 205],
];

export const LUANDA = { n1: 792, n2: 353, m: 45 };
/** Lincoln–Petersen on LUANDA and its Wald interval, as the SISA calculator gives them. */
export const LUANDA_LINCOLN_PETERSEN = { estimate: 6212.8, ci95: [4566.095, 7859.505] as const };
