package dev.stampboard.score.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stampboard.score.ScoreService;
import dev.stampboard.score.StampScore;
import dev.stampboard.score.engine.Contribution;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Adds {@code "score"} (0–100, null without an active model) and {@code "scoreBreakdown"}
 * ({@code [{"feature","value","contribution"}]}) to the stamp rows of {@code GET /api/v1/stamps} and
 * {@code GET /api/v1/stamps/{stamp}}, which the signals module answers: the rows gain the fields without signals
 * depending on the score.
 */
@RestControllerAdvice
class StampRowScores implements ResponseBodyAdvice<Object> {

    private static final Pattern STAMP_ROWS = Pattern.compile("/api/v1/stamps(/[^/]+)?/?");

    private final ScoreService scores;
    private final ObjectMapper json;

    StampRowScores(ScoreService scores, ObjectMapper json) {
        this.scores = scores;
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null
                || !"GET".equals(request.getMethod().name())
                || !STAMP_ROWS.matcher(request.getURI().getPath()).matches()
                || !(MediaType.APPLICATION_JSON.isCompatibleWith(selectedContentType))) {
            return body;
        }
        JsonNode tree = json.valueToTree(body);
        if (tree instanceof ArrayNode rows) {
            rows.forEach(this::addScore);
        } else {
            addScore(tree);
        }
        return tree;
    }

    private void addScore(JsonNode row) {
        if (!(row instanceof ObjectNode object) || !row.hasNonNull("name") || !row.has("pools")) {
            return; // not a stamp row (an error body, for instance)
        }
        Optional<StampScore> score = scores.scoreOf(row.get("name").asText());
        ArrayNode breakdown = object.putArray("scoreBreakdown");
        if (score.isEmpty()) {
            object.putNull("score");
            return;
        }
        object.put("score", round(score.get().score(), 10));
        for (Contribution c : score.get().breakdown()) {
            breakdown
                    .addObject()
                    .put("feature", c.feature().key())
                    .put("value", round(c.value(), 1000))
                    .put("contribution", round(c.contribution(), 1000));
        }
        // put score before the breakdown for readers of the raw JSON
        object.set("scoreBreakdown", object.remove("scoreBreakdown"));
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
