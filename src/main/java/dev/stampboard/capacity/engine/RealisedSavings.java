package dev.stampboard.capacity.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What completed capacity changes save (issue 17 item 3). Only a scale-in that passed its validation window
 * (COMPLETED, not rolled back since) counts: {@code (from − to) · node price a month}. A scale-out is not a saving and
 * a change still being validated is not realised. The figure over time is a step: each day carries the run rate of
 * the changes completed on or before it.
 */
public final class RealisedSavings {

    /** One completed change: the nodes given back, on which day its validation completed, one node's price a month. */
    public record Completed(
            String stamp, String pool, int fromInstances, int toInstances, LocalDate day, double nodeMonthlyPrice) {

        public double monthly() {
            return Math.max(0, fromInstances - toInstances) * nodeMonthlyPrice;
        }
    }

    /** A day and the realised saving a month from the changes completed on or before it. */
    public record Point(LocalDate day, double monthly) {}

    private RealisedSavings() {}

    /** The realised saving a month of all the completed changes. */
    public static double monthly(List<Completed> completed) {
        return completed.stream().mapToDouble(Completed::monthly).sum();
    }

    /**
     * The realised saving a month on each day from {@code from} to {@code today} (both included): the sum over the
     * changes completed on or before that day; changes completed before {@code from} count from the first day on.
     */
    public static List<Point> overTime(List<Completed> completed, LocalDate from, LocalDate today) {
        if (today.isBefore(from)) {
            throw new IllegalArgumentException("'today' must not be before 'from'");
        }
        List<Point> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            double sum = 0;
            for (Completed c : completed) {
                if (!c.day().isAfter(day)) {
                    sum += c.monthly();
                }
            }
            out.add(new Point(day, sum));
        }
        return out;
    }
}
