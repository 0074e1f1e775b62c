package dev.stampboard.fleet.api;

import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.stampboard.security.Actor;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.security.CurrentUser;

/** DESIGN §11: regions, the inventory {@code PUT}, and registries (a customer sees only its own). */
@RestController
@RequestMapping("/api/v1")
class FleetApi {

    private final FleetService fleet;
    private final CurrentUser currentUser;

    FleetApi(FleetService fleet, CurrentUser currentUser) {
        this.fleet = fleet;
        this.currentUser = currentUser;
    }

    @GetMapping("/regions")
    @Secured("ROLE_VIEWER")
    List<String> regions() {
        return fleet.regions().stream().map(RegionInfo::name).toList();
    }

    @PutMapping("/stamps/{stamp}")
    @Secured({"ROLE_ENGINEER", "ROLE_ADMIN"})
    StampInfo declare(@PathVariable String stamp, @RequestBody @Nullable DeclareStampRequest body, Principal principal) {
        if (body == null) {
            throw new InvalidInputException("The body must be {\"region\":…, \"kind\":…, \"pools\":[{\"pool\":…, \"nodes\":[…]}]}");
        }
        return fleet.declareStamp(stamp, body.toDeclaration(), Actor.user(principal.getName()));
    }

    @GetMapping("/registries")
    @Secured({"ROLE_VIEWER", "ROLE_CUSTOMER"})
    List<RegistryInfo> registries() {
        return currentUser.restrictedToCustomer().map(fleet::registriesOf).orElseGet(fleet::registries);
    }

    @GetMapping("/registries/{name}")
    @Secured({"ROLE_VIEWER", "ROLE_CUSTOMER"})
    RegistryInfo registry(@PathVariable String name) {
        RegistryInfo registry = fleet.registry(name).orElseThrow(() -> new NotFoundException("No registry named '" + name + "'"));
        // a customer asking for another customer's registry learns nothing, not even that it exists
        currentUser.restrictedToCustomer().filter(c -> !c.equals(registry.customer())).ifPresent(c -> {
            throw new NotFoundException("No registry named '" + name + "'");
        });
        return registry;
    }

    record DeclareStampRequest(@Nullable String region, @Nullable StampKind kind, @Nullable StampStatus status,
                               @Nullable List<PoolRequest> pools, @Nullable List<String> storageAccounts) {

        StampDeclaration toDeclaration() {
            if (region == null || region.isBlank()) {
                throw new InvalidInputException("'region' is required");
            }
            List<StampDeclaration.PoolDeclaration> declared = pools == null ? List.of() : pools.stream().map(p -> {
                if (p == null || p.pool() == null) {
                    throw new InvalidInputException("Each entry of 'pools' needs \"pool\": REGISTRY or DATAPROXY");
                }
                return new StampDeclaration.PoolDeclaration(p.pool(), p.nodes() == null ? List.of() : p.nodes(), p.minInstances());
            }).toList();
            return new StampDeclaration(region, kind, status, declared, storageAccounts == null ? List.of() : storageAccounts);
        }
    }

    record PoolRequest(@Nullable PoolKind pool, @Nullable List<String> nodes, @Nullable Integer minInstances) {
    }
}
