package dev.aftercart.local;

import dev.aftercart.core.ledger.LedgerEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code report.html}: for each customer, a timeline of events received and messages planned, sent or skipped. */
final class HtmlReport {

    private record Row(Instant at, String kind, String what, String detail, String link) {
    }

    private final Report report;
    private final Simulation simulation;

    HtmlReport(Report report, Simulation simulation) {
        this.report = report;
        this.simulation = simulation;
    }

    String render() {
        StringBuilder html = new StringBuilder(16_384);
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Aftercart simulation</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
                table{border-collapse:collapse;width:100%;margin-bottom:24px}
                td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
                .sent{color:#11703a}.skipped,.cancelled{color:#8a5a00}.failed,.rejected{color:#b3261e}
                code{font-size:12px}
                </style></head><body>
                <h1>Aftercart simulation</h1>
                """);
        html.append("<p>Virtual time ended at ").append(escape(String.valueOf(report.end())))
                .append(". Ledger: <code>ledger.jsonl</code>; rejected events: <code>rejected.jsonl</code>.</p>\n");
        html.append("<h2>Preference pages</h2>\n<p>Each customer's page, as the link in an email opens it. ")
                .append("<code>./aftercart serve</code> (or <code>aftercart-local serve</code>) runs this simulation ")
                .append("again and serves them, with the outbox.</p>\n<table><tr><th>customer</th><th>link</th></tr>\n");
        report.preferencePages().forEach((customerId, link) -> html.append("<tr><td>").append(escape(customerId))
                .append("</td><td><a href=\"").append(escape(link)).append("\">").append(escape(link))
                .append("</a></td></tr>\n"));
        html.append("</table>\n");
        for (String customerId : report.customers()) {
            html.append("<h2>Customer ").append(escape(customerId)).append("</h2>\n<table>")
                    .append("<tr><th>virtual time</th><th></th><th>what</th><th>detail</th></tr>\n");
            for (Row row : rows(customerId)) {
                html.append("<tr class=\"").append(escape(row.kind())).append("\"><td>")
                        .append(escape(String.valueOf(row.at()))).append("</td><td>").append(escape(row.kind()))
                        .append("</td><td>").append(escape(row.what())).append("</td><td>").append(escape(row.detail()));
                if (row.link() != null) {
                    html.append(" <a href=\"").append(escape(row.link())).append("\">open email</a>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        List<Simulation.Delivery> rejected = simulation.rejected();
        if (!rejected.isEmpty()) {
            html.append("<h2>Rejected events</h2>\n<table><tr><th>input</th><th>reasons</th></tr>\n");
            for (Simulation.Delivery delivery : rejected) {
                html.append("<tr class=\"rejected\"><td>").append(escape(delivery.event().origin())).append("</td><td>")
                        .append(escape(String.join("; ", delivery.reasons()))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private List<Row> rows(String customerId) {
        List<Row> rows = new ArrayList<>();
        for (Simulation.Delivery delivery : simulation.deliveries()) {
            Map<String, Object> event = delivery.event().parsed();
            if (!customerId.equals(Report.customerId(event)) || routine(delivery)) {
                continue;
            }
            String detail = delivery.error() != null
                    ? "rejected: " + String.join("; ", delivery.reasons())
                    : delivery.event().fromLocalSes()
                    ? "routed to " + delivery.function() + ", " + Simulation.state(delivery.outcome()) + " (event "
                            + event.get("id") + ")"
                    : "recorded as " + Simulation.state(delivery.outcome()) + " (event " + event.get("id") + ")";
            rows.add(new Row(delivery.at(), delivery.error() != null ? "rejected" : "event",
                    (delivery.event().fromLocalSes() ? "SES: " : "") + event.get("detail-type"), detail, null));
        }
        for (LedgerEntry entry : report.ledgerOf(customerId)) {
            String what = entry.journeyId() + " / " + entry.stepId() + " / " + entry.channel().id();
            String detail = entry.status().id() + (entry.reason() != null ? ": " + entry.reason() : "")
                    + (entry.smsSegments() != null ? " (" + entry.smsSegments() + " SMS segment(s))" : "")
                    + " — due " + entry.dueAt()
                    + (entry.feedback() != null ? "; SES reported: " + entry.feedback() : "");
            String link = (String) report.ledgerJson(entry).get("outbox");
            rows.add(new Row(entry.updatedAt(), entry.status().id(), what, detail, link));
        }
        rows.sort(Comparator.comparing(Row::at));
        return rows;
    }

    /** Every email's sent and delivered events would crowd the timeline; bounces and complaints stay. */
    private static boolean routine(Simulation.Delivery delivery) {
        Object type = delivery.event().parsed().get("detail-type");
        return delivery.event().fromLocalSes() && delivery.error() == null
                && ("Email Sent".equals(type) || "Email Delivered".equals(type));
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
