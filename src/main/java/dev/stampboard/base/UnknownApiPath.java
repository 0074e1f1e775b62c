package dev.stampboard.base;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every {@code /api/**} path no endpoint serves: a 404 problem, instead of falling through to the
 * Vaadin servlet, which would answer 200 with the console's HTML page.
 */
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        throw new NotFoundException("No API endpoint " + request.getMethod() + " " + request.getRequestURI()
                + "; the endpoints are described at /v3/api-docs");
    }
}
