package dev.stampboard.simulator.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A customer's traffic over days and weeks, beyond a registry's own daily profile: the customer's own time zone
 * (a European team on a US stamp peaks in the US morning), a weekend dip (CI does not run on Sundays), a growth
 * trend (a few % a week, from {@link #GROWTH_FROM}), and rare bursts (a model release: a few hours at a multiple
 * of the usual traffic, on a day the seed picks).
 *
 * @param zone          the customer's time zone, or null to follow the serving stamp's region
 * @param weekendLevel  traffic on Saturday and Sunday relative to a weekday (1 = no dip)
 * @param weeklyGrowth  relative growth per week (0.03 = 3 %)
 * @param burstsPerMonth expected bursts per 30 days (0 = never)
 * @param burstFactor   traffic multiplier during a burst
 */
public record CustomerRhythm(
        @org.jspecify.annotations.Nullable ZoneId zone,
        double weekendLevel,
        double weeklyGrowth,
        double burstsPerMonth,
        double burstFactor) {

    /** Growth is counted from this Monday on; before it the customer's traffic was flat. */
    public static final Instant GROWTH_FROM = Instant.parse("2026-11-23T00:00:00Z");
    /** A burst lasts this many minutes. */
    static final int BURST_MINUTES = 3 * 60;

    public static final CustomerRhythm STEADY = new CustomerRhythm(null, 1.0, 0.0, 0.0, 1.0);

    public CustomerRhythm {
        if (weekendLevel <= 0 || weekendLevel > 1 || weeklyGrowth < -0.5 || burstsPerMonth < 0 || burstFactor < 1) {
            throw new IllegalArgumentException(
                    "weekendLevel in (0, 1], weeklyGrowth >= -0.5, burstsPerMonth >= 0, burstFactor >= 1");
        }
    }

    ZoneId zoneOr(ZoneId regionZone) {
        return zone == null ? regionZone : zone;
    }

    /** 1 on weekdays, {@code weekendLevel} on the customer's Saturday and Sunday. */
    double weekly(long epochMinute, ZoneId regionZone) {
        if (weekendLevel >= 1) {
            return 1.0;
        }
        DayOfWeek day = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochMinute * 60), zoneOr(regionZone))
                .getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekendLevel : 1.0;
    }

    /** (1 + weeklyGrowth) to the power of the weeks since {@link #GROWTH_FROM}, 1 before it. */
    double growth(long epochMinute) {
        if (weeklyGrowth == 0) {
            return 1.0;
        }
        double weeks = Math.max(0, (epochMinute - GROWTH_FROM.getEpochSecond() / 60) / (7.0 * 1440));
        return Math.pow(1 + weeklyGrowth, weeks);
    }

    /** {@code burstFactor} inside one of the customer's burst blocks, else 1. */
    double burst(long seed, String customer, long epochMinute) {
        if (burstsPerMonth <= 0) {
            return 1.0;
        }
        long block = Math.floorDiv(epochMinute, BURST_MINUTES);
        double probability = burstsPerMonth / (30.0 * 1440 / BURST_MINUTES);
        return DeterministicNoise.uniform(seed, customer, "burst", block) < probability ? burstFactor : 1.0;
    }
}
