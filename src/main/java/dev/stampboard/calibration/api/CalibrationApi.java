package dev.stampboard.calibration.api;

import dev.stampboard.calibration.CalibrationReport;
import dev.stampboard.calibration.CalibrationService;
import dev.stampboard.calibration.engine.Calibration;
import dev.stampboard.calibration.engine.PredictionError;
import dev.stampboard.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/calibration}: how wrong predictions were, before and after calibration (DESIGN §11). */
@RestController
@RequestMapping("/api/v1/calibration")
class CalibrationApi {

    private final CalibrationService calibration;

    CalibrationApi(CalibrationService calibration) {
        this.calibration = calibration;
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    Map<String, Object> get() {
        CalibrationReport r = calibration.report();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("moves", r.moves());
        out.put("uncalibrated", error(r.uncalibrated()));
        out.put("calibrated", error(r.calibrated()));
        out.put("evaluatedOn", r.evaluatedOn());
        out.put("heldOut", r.heldOut());
        Calibration c = r.current();
        out.put("plannerUsesCalibration", r.plannerUsesIt());
        out.put("minMoves", r.minMoves());
        out.put(
                "current",
                Map.of(
                        "moves",
                        c.moves(),
                        "idleBaseline",
                        c.idleBaseline(),
                        "idleBaselineByPool",
                        c.baselineByKind(),
                        "registryCost",
                        c.registryCost()));
        out.put("worstMisses", r.worstMisses());
        return out;
    }

    private static Map<String, Object> error(PredictionError e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pools", e.outcomes());
        out.put("meanAbsErrorPp", Double.isNaN(e.meanAbsErrorPp()) ? null : round(e.meanAbsErrorPp()));
        out.put("biasPp", Double.isNaN(e.biasPp()) ? null : round(e.biasPp()));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
