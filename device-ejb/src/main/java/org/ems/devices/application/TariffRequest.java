package org.ems.devices.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A tariff as the API and the console give and show it:
 * {@code {"name","currency","versions":[{"validFrom","price","rates":[{"days","from","to","price"}]}]}}. Beans, not
 * records: Payara's OpenAPI generator and the pages want them.
 */
public class TariffRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String currency;
    private List<VersionItem> versions = new ArrayList<>();

    /** Prices from a local date ({@code YYYY-MM-DD}) on. */
    public static class VersionItem implements Serializable {

        private static final long serialVersionUID = 1L;

        private String validFrom;
        private BigDecimal price;
        private List<RateItem> rates = new ArrayList<>();

        public String getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(String validFrom) {
            this.validFrom = validFrom;
        }

        /** Per kWh, for the hours no rate covers. */
        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }

        public List<RateItem> getRates() {
            return rates;
        }

        public void setRates(List<RateItem> rates) {
            this.rates = rates;
        }
    }

    /** A price per kWh for whole local hours ({@code "07:00"} to {@code "23:00"}, {@code "24:00"} ends a day). */
    public static class RateItem implements Serializable {

        private static final long serialVersionUID = 1L;

        private List<String> days;
        private String from;
        private String to;
        private BigDecimal price;

        /** {@code MON} ... {@code SUN}; null or empty: every day. */
        public List<String> getDays() {
            return days;
        }

        public void setDays(List<String> days) {
            this.days = days;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }

        public BigDecimal getPrice() {
            return price;
        }

        public void setPrice(BigDecimal price) {
            this.price = price;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** ISO 4217, such as RON or EUR. */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public List<VersionItem> getVersions() {
        return versions;
    }

    public void setVersions(List<VersionItem> versions) {
        this.versions = versions;
    }
}
