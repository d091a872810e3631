# Reference numbers for the bundled example reports, computed with R survival / stats directly
# from the ADaM CSVs. Run from the project root: Rscript src/test/resources/golden/report/generate.R
# Writes src/test/resources/golden/report/colon.csv and lgsoc.csv (contract columns subset).
suppressPackageStartupMessages(library(survival))
out <- list()
add <- function(analysis, group, term, time = NA, estimate = NA, lo = NA, hi = NA, p = NA, stat = NA) {
  out[[length(out) + 1]] <<- data.frame(analysis = analysis, group = group, term = term, time = time,
    estimate = estimate, conf_low = lo, conf_high = hi, p_value = p, statistic = stat)
}
adsl <- read.csv("datasets/colon-adam/adsl.csv", stringsAsFactors = FALSE)
adtte <- read.csv("datasets/colon-adam/adtte.csv", stringsAsFactors = FALSE)
arms <- c("Obs", "Lev", "Lev+5FU")
for (pc in c("RFS", "OS")) {
  d <- merge(adtte[adtte$PARAMCD == pc, c("USUBJID", "AVAL", "CNSR")], adsl, by = "USUBJID")
  d$t <- d$AVAL / 365.25
  d$ev <- 1 - d$CNSR
  d$arm <- factor(d$ARM, levels = arms)
  fit <- survfit(Surv(t, ev) ~ arm, data = d, conf.type = "log")
  q <- quantile(fit, 0.5)
  for (i in seq_along(arms)) {
    add(paste0(pc, ":km"), arms[i], "median", NA, q$quantile[i], q$lower[i], q$upper[i])
  }
  s <- summary(fit, times = c(1, 3, 5), extend = TRUE)
  for (k in seq_along(s$time)) {
    add(paste0(pc, ":km"), sub("arm=", "", as.character(s$strata[k])), "survival", s$time[k],
        s$surv[k], s$lower[k], s$upper[k])
  }
  lr <- survdiff(Surv(t, ev) ~ arm, data = d)
  add(paste0(pc, ":logrank"), "overall", "logrank", NA, NA, NA, NA,
      pchisq(lr$chisq, length(arms) - 1, lower.tail = FALSE), lr$chisq)
  cx <- coxph(Surv(t, ev) ~ arm, data = d, ties = "efron")
  ci <- exp(confint(cx))
  sm <- summary(cx)$coefficients
  for (j in 2:3) {
    add(paste0(pc, ":cox"), paste(arms[j], "vs Obs"), "hr", NA, exp(coef(cx))[j - 1],
        ci[j - 1, 1], ci[j - 1, 2], sm[j - 1, 5], sm[j - 1, 4])
  }
  # Subgroup HRs of Lev+5FU vs Obs within each level, and the interaction LR test.
  d2 <- d[d$ARM %in% c("Obs", "Lev+5FU"), ]
  d2$a <- as.integer(d2$ARM == "Lev+5FU")
  for (v in c("SEX", "AGEGR1", "OBSTRUCT", "NODE4")) {
    for (lv in sort(unique(d2[[v]]))) {
      dd <- d2[d2[[v]] == lv, ]
      c1 <- coxph(Surv(t, ev) ~ a, data = dd, ties = "efron")
      ci1 <- exp(confint(c1))
      add(paste0(pc, ":subgroup"), paste0(v, "=", lv), "hr", NA, exp(coef(c1)), ci1[1], ci1[2],
          summary(c1)$coefficients[1, 5])
    }
    dd <- d2[d2[[v]] != "", ]
    dd$lv <- factor(dd[[v]])
    red <- coxph(Surv(t, ev) ~ a + lv, data = dd, ties = "efron")
    full <- coxph(Surv(t, ev) ~ a * lv, data = dd, ties = "efron")
    an <- anova(red, full)
    add(paste0(pc, ":subgroup"), v, "interaction", NA, NA, NA, NA, an[2, 4], an[2, 2])
  }
}
write.csv(do.call(rbind, out), "src/test/resources/golden/report/colon.csv", row.names = FALSE, na = "")
out <- list()
adsl <- read.csv("datasets/sim-lgsoc/adsl.csv", stringsAsFactors = FALSE)
adrs <- read.csv("datasets/sim-lgsoc/adrs.csv", stringsAsFactors = FALSE)
adtte <- read.csv("datasets/sim-lgsoc/adtte.csv", stringsAsFactors = FALSE)
bor <- adrs[adrs$PARAMCD == "BOR", ]
x <- sum(bor$AVALC %in% c("CR", "PR")); n <- nrow(adsl)
bt <- binom.test(x, n, conf.level = 0.95)
add("orr", "ALL", "orr", NA, x / n, bt$conf.int[1], bt$conf.int[2])
# one-sided test row as the orr command writes it (the estimate is on the orr row)
add("orr", "ALL", "binom_test", NA, NA, NA, NA,
    binom.test(x, n, p = 0.1, alternative = "greater")$p.value)
for (lv in sort(unique(adsl$KRAS))) {
  ids <- adsl$USUBJID[adsl$KRAS == lv]
  xs <- sum(bor$AVALC[bor$USUBJID %in% ids] %in% c("CR", "PR"))
  b <- binom.test(xs, length(ids))
  add("orr:subgroup", paste0("KRAS=", lv), "orr", NA, xs / length(ids), b$conf.int[1], b$conf.int[2])
}
d <- adtte[adtte$PARAMCD == "PFS", ]
d$t <- d$AVAL / 30.4375
fit <- survfit(Surv(t, 1 - CNSR) ~ 1, data = d, conf.type = "log")
q <- quantile(fit, 0.5)
add("PFS:km", "ALL", "median", NA, q$quantile, q$lower, q$upper)
s <- summary(fit, times = c(6, 12, 24), extend = TRUE)
for (k in seq_along(s$time)) add("PFS:km", "ALL", "survival", s$time[k], s$surv[k], s$lower[k], s$upper[k])
write.csv(do.call(rbind, out), "src/test/resources/golden/report/lgsoc.csv", row.names = FALSE, na = "")
