# Reference Kaplan-Meier medians for the verify median-claim tests: R survfit on
# datasets/r-survival/lung.csv (status 2 = death) under each CI transform, with R's
# quantile.survfit rules. Run from the project root:
#   Rscript src/test/resources/golden/verify/generate_median.R
library(survival)
lung <- read.csv("datasets/r-survival/lung.csv")
out <- NULL
for (ct in c("log", "log-log", "plain")) {
  f <- survfit(Surv(time, status == 2) ~ 1, data = lung, conf.type = ct)
  q <- quantile(f, 0.5)
  out <- rbind(out, data.frame(conf_type = ct, median = q$quantile, lower = q$lower,
                               upper = q$upper))
}
write.csv(out, "src/test/resources/golden/verify/lung_median.csv", row.names = FALSE, quote = FALSE)
print(out)
