package dev.stampboard.simulator.api;

import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import dev.stampboard.simulator.SimulatorService;
import dev.stampboard.simulator.SimulatorStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** DESIGN §11: the embedded simulator's clock, and advancing it deterministically. */
@RestController
@RequestMapping("/api/v1/simulator")
class SimulatorApi {

    private final ObjectProvider<SimulatorService> simulator;
    private final CurrentUser currentUser;

    SimulatorApi(ObjectProvider<SimulatorService> simulator, CurrentUser currentUser) {
        this.simulator = simulator;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Secured(Role.Authority.VIEWER)
    SimulatorStatus status() {
        return running().status();
    }

    @PostMapping("/advance")
    @Secured({Role.Authority.ENGINEER, Role.Authority.ADMIN})
    SimulatorStatus advance(@RequestBody @Nullable AdvanceRequest body) {
        if (body == null || body.minutes() == null) {
            throw new InvalidInputException("The body must be {\"minutes\": N}");
        }
        return running().advance(body.minutes(), currentUser.actor());
    }

    private SimulatorService running() {
        SimulatorService service = simulator.getIfAvailable();
        if (service == null) {
            throw new NotFoundException("The embedded simulator is disabled (stampboard.simulator.enabled=false)");
        }
        return service;
    }

    record AdvanceRequest(@Nullable Integer minutes) {}
}
