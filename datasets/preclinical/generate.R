# Generates the SYNTHETIC preclinical example datasets (seeded; no real animals or cells).
# Run from the project root:  Rscript datasets/preclinical/generate.R
#   xenograft.csv      synthetic xenograft study: 4 groups x 8 mice, calliper volumes (mm^3)
#   dose_response.csv  synthetic 4PL dose-response: 2 compounds, 8 concentrations, triplicate wells
#   dnase1.csv         R's datasets::DNase, Run 1 (real ELISA data shipped with R; 4PL-like)
set.seed(20261126)
out <- "datasets/preclinical"

## Xenograft: log-linear growth with animal-level rate and measurement noise.
days <- c(0, 3, 7, 10, 14, 17, 21)
groups <- list(
  Vehicle = 0.125, DrugA = 0.075, DrugB = 0.060, Combo = -0.030)
prefix <- c(Vehicle = "V", DrugA = "A", DrugB = "B", Combo = "AB")
rows <- list()
for (g in names(groups)) {
  for (a in 1:8) {
    id <- sprintf("%s%02d", prefix[[g]], a)
    v0 <- exp(rnorm(1, log(150), 0.15))
    rate <- groups[[g]] + rnorm(1, 0, 0.02)
    v <- v0 * exp(rate * days + c(0, rnorm(length(days) - 1, 0, 0.08)))
    v <- round(v, 1)
    keep <- rep(TRUE, length(days))
    # Two vehicle animals reach the humane endpoint (volume > 1500) and are culled after day 17.
    if (g == "Vehicle" && a %in% c(2, 5)) keep[days > 17] <- FALSE
    # Combo animals 3 and 7: tumours no longer palpable at day 21 (recorded as 0).
    if (g == "Combo" && a %in% c(3, 7)) v[days == 21] <- 0
    rows[[length(rows) + 1]] <- data.frame(
      animal = id, group = g, day = days[keep], volume = v[keep])
  }
}
xen <- do.call(rbind, rows)
write.csv(xen, file.path(out, "xenograft.csv"), row.names = FALSE, quote = FALSE)

## Dose-response: y = bottom + (top - bottom) / (1 + 10^((logIC50 - log10 conc) * hill)).
fpl <- function(conc, bottom, top, logic50, hill)
  bottom + (top - bottom) / (1 + 10^((logic50 - log10(conc)) * hill))
conc <- signif(10^seq(-2, 2, length.out = 8), 6) # uM, 0.01 .. 100
dr <- rbind(
  data.frame(compound = "CMPD-1", conc = rep(conc, each = 3),
             response = round(fpl(rep(conc, each = 3), 5, 100, log10(2.2), -1.1) +
                                rnorm(24, 0, 4), 2)),
  data.frame(compound = "CMPD-2", conc = rep(conc, each = 3),
             response = round(fpl(rep(conc, each = 3), 12, 98, log10(0.35), -0.8) +
                                rnorm(24, 0, 4), 2)))
write.csv(dr, file.path(out, "dose_response.csv"), row.names = FALSE, quote = FALSE)

## DNase Run 1 (datasets package).
d1 <- DNase[DNase$Run == 1, c("conc", "density")]
write.csv(d1, file.path(out, "dnase1.csv"), row.names = FALSE, quote = FALSE)

## Animal survival (SYNTHETIC): days to the humane endpoint (tumour volume >= 2000 mm3) or death,
## 10 mice per group, the study ends at day 90 (survivors censored). Two deaths unrelated to the
## tumour are censored at their day. Weibull times (shape 2.5) with group medians near
## Vehicle 23, DrugA 38, DrugB 33 and Combo 76 days. Its own seed: the files above are unchanged.
set.seed(20261127)
med <- c(Vehicle = 23, DrugA = 38, DrugB = 33, Combo = 76)
prefix <- c(Vehicle = "V", DrugA = "A", DrugB = "B", Combo = "C")
srv <- do.call(rbind, lapply(names(med), function(g) {
  shape <- 2.5
  day <- round(rweibull(10, shape, med[[g]] / log(2)^(1 / shape)))
  event <- as.integer(day <= 90)
  day <- pmin(day, 90)
  data.frame(animal = sprintf("%s%02d", prefix[[g]], 1:10), group = g, day = day,
             event = event)
}))
srv$event[srv$animal %in% c("A09", "C03")] <- 0L # non-tumour deaths: censored
write.csv(srv, file.path(out, "survival.csv"), row.names = FALSE, quote = FALSE)
