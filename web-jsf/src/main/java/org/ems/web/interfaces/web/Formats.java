package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.ems.contracts.access.Caller;
import org.ems.users.application.UserService;

/**
 * How the pages write numbers, days and times: in the page's language, instants in the viewer's zone (their
 * profile's), an hour of a device as its local time with its offset (which tells apart the two 02:00 of a DST end).
 */
@Named("format")
@RequestScoped
public class Formats {

    @Inject
    Caller caller;

    @Inject
    UserService users;

    private ZoneId zone;

    /** kWh with up to three decimals (the readings' resolution shown), grouped as the language groups them. */
    public String kwh(BigDecimal kwh) {
        if (kwh == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(3);
        return format.format(kwh);
    }

    /** An instant as a date and time of the viewer's zone. */
    public String time(Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale())
                        .format(instant.atZone(zone()));
    }

    /** The start of a device's hour: its local time and offset, e.g. {@code 03:00 (+03:00)}. */
    public String hour(OffsetDateTime start) {
        return start.format(DateTimeFormatter.ofPattern("HH:mm '('xxx')'"));
    }

    /** A device's hour with its day, for lists of many days. */
    public String dayAndHour(OffsetDateTime start) {
        return date(start.toLocalDate()) + " " + hour(start);
    }

    /** A month and its year, "December 2026". */
    public String month(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale()) + " " + month.getYear();
    }

    /** An amount of money as the tariff's prices are written, with its currency: "8.45 RON"; empty for none. */
    public static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : amount.toPlainString() + " " + currency;
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(date);
    }

    /** The viewer's zone: the one of their profile (the server's before sign-in). */
    public ZoneId zone() {
        if (zone == null) {
            zone = ZoneId.of(
                    caller == null
                            ? users.defaultTimeZone()
                            : users.timeZone(caller.userId()).orElseGet(users::defaultTimeZone));
        }
        return zone;
    }

    static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
