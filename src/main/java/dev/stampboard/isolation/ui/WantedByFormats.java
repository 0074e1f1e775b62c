package dev.stampboard.isolation.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The wanted-by date accepts ISO ({@code 2026-12-30}, shown and preferred) and the browser locale's
 * own short format; anything else is said on the field instead of leaving it silently red.
 */
final class WantedByFormats {

    static final String ISO = "yyyy-MM-dd";
    static final String BAD_INPUT = "Not a date: type it as 2026-12-30";

    private WantedByFormats() {}

    static DatePicker.DatePickerI18n i18n(Locale locale) {
        Set<String> more = new LinkedHashSet<>();
        String local = localPattern(locale);
        more.add(local);
        more.add(local.replaceAll("(?<!y)yy(?!y)", "yyyy")); // also the four-digit year of the same order
        more.remove(ISO);
        return new DatePicker.DatePickerI18n()
                .setDateFormats(ISO, more.toArray(String[]::new))
                .setBadInputErrorMessage(BAD_INPUT + (more.isEmpty() ? "" : " or " + example(locale)))
                .setRequiredErrorMessage("Say when the customer needs the stamp")
                .setFirstDayOfWeek(1);
    }

    static String hint(Locale locale) {
        return "2026-12-30 or " + example(locale);
    }

    /** The locale's short date pattern in the date picker's terms (letters y, M, d only). */
    static String localPattern(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
        return pattern.replaceAll("[^yMd./\\- ]", "").replace("'", "").strip();
    }

    private static String example(Locale locale) {
        String pattern = localPattern(locale).replaceAll("(?<!y)yy(?!y)", "yyyy");
        return DateTimeFormatter.ofPattern(pattern, locale).format(LocalDate.of(2026, 12, 30));
    }
}
