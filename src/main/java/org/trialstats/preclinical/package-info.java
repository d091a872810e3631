/**
 * Preclinical efficacy: xenograft tumour growth inhibition ({@link
 * org.trialstats.preclinical.TumourGrowth}) and four-parameter logistic dose-response fits ({@link
 * org.trialstats.preclinical.FourParameterLogistic}). Pure computation: arrays in, immutable
 * records out.
 */
package org.trialstats.preclinical;
