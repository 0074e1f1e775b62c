package dev.stampboard.isolation;

import dev.stampboard.base.InputLimits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a requester fills in (form or API body). Everything may be missing on the way in; {@link
 * IsolationRules} says what is wrong with each field. {@code customer} defaults to the caller's own,
 * {@code region} to the one region all the registries are replicated to.
 */
public record NewIsolationRequest(
        @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
        String customer,

        @Size(max = InputLimits.LIST, message = "at most {max} registries in one request") @Nullable
        List<
                        @NotNull(message = "a registry name, not null")
                        @Size(max = InputLimits.REGISTRY, message = "at most {max} characters") String>
                registries,

        @Nullable Long expectedPeakQps,
        @Nullable Double peakThroughputGbps,
        @Nullable Double dataVolumeTb,

        @Size(max = InputLimits.TEXT, message = "at most {max} characters") @Nullable
        String justification,

        @Nullable LocalDate wantedBy,

        @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
        String region) {}
