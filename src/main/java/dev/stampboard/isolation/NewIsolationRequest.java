package dev.stampboard.isolation;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a requester fills in (form or API body). Everything may be missing on the way in; {@link
 * IsolationRules} says what is wrong with each field. {@code customer} defaults to the caller's own,
 * {@code region} to the one region all the registries are replicated to.
 */
public record NewIsolationRequest(@Nullable String customer, @Nullable List<String> registries,
                                  @Nullable Long expectedPeakQps, @Nullable Double peakThroughputGbps,
                                  @Nullable Double dataVolumeTb, @Nullable String justification,
                                  @Nullable LocalDate wantedBy, @Nullable String region) {
}
