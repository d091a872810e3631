# Draws bench/growth.svg from the lines bench/run.sh appends to RESULTS (one per size):
#   Rscript bench/plot.R bench/results.tsv bench/growth.svg
# Columns: rows, "trialstats", wall, cpu, rss_MB, "R", wall, cpu, rss_MB, ratio, load average.
args <- commandArgs(trailingOnly = TRUE)
infile <- if (length(args) >= 1) args[1] else "bench/results.tsv"
outfile <- if (length(args) >= 2) args[2] else "bench/growth.svg"
d <- read.delim(infile, header = FALSE, stringsAsFactors = FALSE)
d <- d[order(d$V1), ]
rows <- d$V1
ts <- d$V3
r <- d$V7
svg(outfile, width = 6.5, height = 4.5)
par(mar = c(4.5, 4.5, 2.5, 1.5))
plot(rows, r, log = "xy", type = "b", pch = 17, col = "#b2182b", lwd = 2,
     ylim = c(min(ts) / 1.3, max(r) * 2.5), xlim = c(min(rows) / 1.6, max(rows) * 1.6), xlab = "subjects (rows)", ylab = "wall seconds (best run)",
     main = "KM + stratified log-rank + stratified Cox, end to end", xaxt = "n")
axis(1, at = rows, labels = format(rows, big.mark = ",", scientific = FALSE))
lines(rows, ts, type = "b", pch = 16, col = "#2166ac", lwd = 2)
text(rows, r, sprintf("%.1fx", r / ts), pos = 3, cex = 0.8)
legend("topleft", c("R 4.2 survival 3.5", "trialstats (JVM start included)"),
       col = c("#b2182b", "#2166ac"), pch = c(17, 16), lwd = 2, bty = "n")
invisible(dev.off())
