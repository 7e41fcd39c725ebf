# Reference figures for test/estimate-rcapture.test.ts, computed by Rcapture (Baillargeon & Rivest 2007,
# J. Stat. Software 19(5)) on the datasets in this folder: for every row of models.csv, the Poisson
# estimate, its standard error, deviance, df, AIC, BIC and info code, and the multinomial profile
# likelihood 95 % interval, exactly as closedpCI.t prints them. Vigil does not run R; this script is how
# the figures were made and how anyone can remake them:
#   apt-get install r-base-core   # R 4.2.2 on Debian 12
#   R CMD INSTALL <Rcapture 1.4-4 sources, e.g. github.com/cran/Rcapture>
#   Rscript test/reference/rcapture.R    # from the repository's root; writes rcapture-1.4-4.csv
suppressMessages(library(Rcapture))
dir <- "test/reference/"
models <- read.csv(paste0(dir, "models.csv"), stringsAsFactors = FALSE)
# "[12][3]" -> ~ c1 + c2 + c3 + c1:c2 (lists by position, pairwise interactions only).
formulaOf <- function(model, k) {
  pairs <- regmatches(model, gregexpr("\\[[1-9]{2}\\]", model))[[1]]
  terms <- c(paste0("c", 1:k), vapply(pairs, function(p) paste0("c", substr(p, 2, 2), ":c", substr(p, 3, 3)), ""))
  as.formula(paste("~", paste(terms, collapse = " + ")))
}
rows <- lapply(seq_len(nrow(models)), function(i) {
  d <- models$dataset[i]; model <- models$model[i]
  x <- as.matrix(read.csv(paste0(dir, d, ".csv")))
  k <- ncol(x) - 1
  colnames(x) <- c(paste0("c", 1:k), "freq")
  cp <- suppressWarnings(closedpCI.t(x, dfreq = TRUE, mX = formulaOf(model, k), mname = model))
  f <- cp$results; ci <- cp$CI
  data.frame(dataset = d, model = model, abundance = f[1, "abundance"], stderr = f[1, "stderr"], deviance = f[1, "deviance"],
             df = f[1, "df"], AIC = f[1, "AIC"], BIC = f[1, "BIC"], infoFit = f[1, "infoFit"],
             infCL = ci[1, 2], supCL = ci[1, 3], infoCI = ci[1, 4])
})
write.csv(do.call(rbind, rows), paste0(dir, "rcapture-1.4-4.csv"), row.names = FALSE)
