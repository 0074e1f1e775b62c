package dev.stampboard.signals.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** The minutes whose hot-node values make up a pool's P95. */
public sealed interface PeakWindow permits PeakWindow.Trailing, PeakWindow.DailyFixed {

    /** The window as seen at {@code nowMinute} (epoch minute, inclusive ends). */
    MinuteRange rangeAt(long nowMinute);

    /** How many minutes of history must be kept so that {@link #rangeAt} never reaches past retention. */
    int requiredRetentionMinutes();

    static PeakWindow trailing12Hours() {
        return new Trailing(720);
    }

    /** The last {@code minutes} minutes, ending with the current minute: {@code [now - minutes + 1, now]}. */
    record Trailing(int minutes) implements PeakWindow {

        public Trailing {
            if (minutes < 1) {
                throw new IllegalArgumentException("a trailing window needs at least 1 minute, got " + minutes);
            }
        }

        @Override
        public MinuteRange rangeAt(long nowMinute) {
            return new MinuteRange(nowMinute - minutes + 1, nowMinute);
        }

        @Override
        public int requiredRetentionMinutes() {
            return minutes;
        }
    }

    /**
     * A fixed time of day in a zone, e.g. 08:00–20:00 Europe/Amsterdam ({@code end} exclusive, so that
     * window has 720 minutes). When now is inside today's occurrence the window runs from its start to now;
     * otherwise it is the most recent completed occurrence. {@code end} before {@code start} means the
     * window crosses midnight. Times are resolved with {@link ZonedDateTime#of}, so a start inside a DST gap
     * moves forward by the gap.
     */
    record DailyFixed(LocalTime start, LocalTime end, ZoneId zone) implements PeakWindow {

        public DailyFixed {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(zone, "zone");
            if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
                throw new IllegalArgumentException("daily window times must be whole minutes: " + start + "–" + end);
            }
            if (start.equals(end)) {
                throw new IllegalArgumentException(
                        "daily window start and end are both " + start + "; use a trailing window for 24 h");
            }
        }

        @Override
        public MinuteRange rangeAt(long nowMinute) {
            LocalDate today = Instant.ofEpochSecond(nowMinute * 60).atZone(zone).toLocalDate();
            // Today's occurrence if it has started, else yesterday's, which always started before today.
            for (LocalDate day : new LocalDate[] {today, today.minusDays(1)}) {
                long from = epochMinute(ZonedDateTime.of(day, start, zone));
                if (from <= nowMinute) {
                    long endExclusive =
                            epochMinute(ZonedDateTime.of(crossesMidnight() ? day.plusDays(1) : day, end, zone));
                    return new MinuteRange(from, Math.min(nowMinute, endExclusive - 1));
                }
            }
            throw new IllegalStateException("unreachable: yesterday's occurrence starts before now");
        }

        /**
         * The furthest look-back is just before today's start, when the window is yesterday's occurrence:
         * 24 h between the two starts, plus one hour when a DST change lies between them.
         */
        @Override
        public int requiredRetentionMinutes() {
            return 24 * 60 + 60;
        }

        /** Nominal length, ignoring DST. */
        public int lengthMinutes() {
            long minutes = Duration.between(start, end).toMinutes();
            return (int) (minutes > 0 ? minutes : minutes + 24 * 60);
        }

        private boolean crossesMidnight() {
            return end.isBefore(start);
        }

        private static long epochMinute(ZonedDateTime time) {
            return Math.floorDiv(time.toEpochSecond(), 60);
        }
    }
}
