package org.trialstats.cli;

import java.util.List;
import org.trialstats.io.DataTable;
import org.trialstats.survival.SurvivalData;

/**
 * What {@link SurvivalOptions#load} produces: the sorted survival data (group 0 is the reference),
 * the loaded table in input order ({@code data.inputRow(k)} maps a sorted subject to its table row,
 * e.g. for covariates), the reported time unit, and notes on documented input behaviours.
 */
public record SurvivalInput(SurvivalData data, DataTable table, String unit, List<String> notes) {}
