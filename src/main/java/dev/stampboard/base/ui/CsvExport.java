package dev.stampboard.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * "Download CSV" for what a screen lists: RFC 4180 quoting, UTF-8, one header line. The rows are read
 * when the link is clicked, so the file is what the screen shows then.
 */
public final class CsvExport {

    private CsvExport() {}

    public static <T> Anchor link(
            String fileName, List<String> header, Supplier<List<T>> rows, Function<T, List<?>> columns) {
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] bytes = csv(header, rows.get(), columns).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv", bytes.length);
                }),
                AttachmentType.DOWNLOAD,
                "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create(), new com.vaadin.flow.component.html.Span(" Download CSV"));
        link.getElement().setAttribute("aria-label", "Download " + fileName);
        link.addClassName("csv-export");
        return link;
    }

    public static <T> String csv(List<String> header, List<T> rows, Function<T, List<?>> columns) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (T row : rows) {
            line(out, columns.apply(row));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell.toString();
            boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
            out.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        out.append("\r\n");
    }
}
