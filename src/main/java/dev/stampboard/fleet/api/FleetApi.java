package dev.stampboard.fleet.api;

import dev.stampboard.base.Actor;
import dev.stampboard.base.InputLimits;
import dev.stampboard.base.InvalidInputException;
import dev.stampboard.base.NotFoundException;
import dev.stampboard.base.ReasonRequest;
import dev.stampboard.fleet.FleetService;
import dev.stampboard.fleet.PoolKind;
import dev.stampboard.fleet.RegionInfo;
import dev.stampboard.fleet.RegistryDeclaration;
import dev.stampboard.fleet.RegistryInfo;
import dev.stampboard.fleet.StampDeclaration;
import dev.stampboard.fleet.StampInfo;
import dev.stampboard.fleet.StampKind;
import dev.stampboard.fleet.StampStatus;
import dev.stampboard.security.CurrentUser;
import dev.stampboard.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.annotation.Secured;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
    @Secured(Role.Authority.VIEWER)
    List<String> regions() {
        return fleet.regions().stream().map(RegionInfo::name).toList();
    }

    @PutMapping("/stamps/{stamp}")
    @Secured({Role.Authority.ENGINEER, Role.Authority.INGEST
    }) // DESIGN §9: the admin's are settings and users, not the inventory
    StampInfo declare(
            @PathVariable String stamp, @RequestBody @Valid @Nullable DeclareStampRequest body, Principal principal) {
        if (body == null) {
            throw new InvalidInputException(
                    "The body must be {\"region\":…, \"kind\":…, \"pools\":[{\"pool\":…, \"nodes\":[…]}]}");
        }
        return fleet.declareStamp(stamp, body.toDeclaration(), Actor.user(principal.getName()));
    }

    /**
     * Starts draining an ACTIVE stamp ({@code {"reason":"…"}} optional): 409 from any other status, 404 for an unknown
     * stamp.
     */
    @PostMapping("/stamps/{stamp}/drain")
    @Secured(Role.Authority.ENGINEER)
    StampInfo drain(
            @PathVariable String stamp,
            @RequestBody(required = false) @Valid @Nullable ReasonRequest body,
            Principal principal) {
        return fleet.startDrainingStamp(stamp, ReasonRequest.of(body), Actor.user(principal.getName()));
    }

    /** Retires a DRAINING stamp no replica is homed on any more: 409 otherwise (the answer says why). */
    @PostMapping("/stamps/{stamp}/retire")
    @Secured(Role.Authority.ENGINEER)
    StampInfo retire(
            @PathVariable String stamp,
            @RequestBody(required = false) @Valid @Nullable ReasonRequest body,
            Principal principal) {
        return fleet.retireStamp(stamp, ReasonRequest.of(body), Actor.user(principal.getName()));
    }

    @GetMapping("/registries")
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    List<RegistryInfo> registries() {
        return currentUser.restrictedToCustomer().map(fleet::registriesOf).orElseGet(fleet::registries);
    }

    @GetMapping("/registries/{name}")
    @Secured({Role.Authority.VIEWER, Role.Authority.CUSTOMER})
    RegistryInfo registry(@PathVariable String name) {
        RegistryInfo registry =
                fleet.registry(name).orElseThrow(() -> new NotFoundException("No registry named '" + name + "'"));
        // a customer asking for another customer's registry learns nothing, not even that it exists
        currentUser
                .restrictedToCustomer()
                .filter(c -> !c.equals(registry.customer()))
                .ifPresent(c -> {
                    throw new NotFoundException("No registry named '" + name + "'");
                });
        return registry;
    }

    /** Declares or updates a registry; a changed home stamp is refused (moves go through a plan). */
    @PutMapping("/registries/{name}")
    @Secured({Role.Authority.ENGINEER, Role.Authority.INGEST}) // not the admin: DESIGN §9
    RegistryInfo declareRegistry(
            @PathVariable String name, @RequestBody @Valid @Nullable DeclareRegistryRequest body, Principal principal) {
        if (body == null) {
            throw new InvalidInputException(
                    "The body must be {\"customer\":…, \"replicas\":[{\"region\":…, \"homeStamp\":…}]}");
        }
        return fleet.declareRegistry(name, body.toDeclaration(), Actor.user(principal.getName()));
    }

    /**
     * Declares or updates many registries in one call and one transaction (a collector declaring a whole fleet):
     * all are stored, or none when one is refused (the message names its index).
     */
    @PutMapping("/registries")
    @Secured({Role.Authority.ENGINEER, Role.Authority.INGEST})
    DeclaredRegistries declareRegistries(
            @RequestBody @Valid @Nullable DeclareRegistriesRequest body, Principal principal) {
        if (body == null || body.registries() == null) {
            throw new InvalidInputException("The body must be {\"registries\":[{\"name\":…, \"customer\":…,"
                    + " \"replicas\":[{\"region\":…, \"homeStamp\":…}]}]}");
        }
        List<FleetService.NamedRegistryDeclaration> batch = new java.util.ArrayList<>();
        for (int i = 0; i < body.registries().size(); i++) {
            NamedRegistryRequest each = body.registries().get(i);
            if (each == null || each.name() == null || each.name().isBlank()) {
                throw new InvalidInputException("registries[" + i + "] needs a \"name\"");
            }
            try {
                batch.add(new FleetService.NamedRegistryDeclaration(
                        each.name(), new DeclareRegistryRequest(each.customer(), each.replicas()).toDeclaration()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("registries[" + i + "] (" + each.name() + "): " + e.getMessage());
            }
        }
        return new DeclaredRegistries(
                fleet.declareRegistries(batch, Actor.user(principal.getName())).size());
    }

    record DeclareRegistriesRequest(
            @Size(max = FleetService.MAX_REGISTRIES_PER_BATCH, message = "at most {max} registries per request")
            @Nullable
            List<@NotNull(message = "a registry, not null") @Valid NamedRegistryRequest> registries) {}

    record NamedRegistryRequest(
            @Size(max = InputLimits.REGISTRY, message = "at most {max} characters") @Nullable
            String name,

            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String customer,

            @Size(max = InputLimits.LIST, message = "at most {max} replicas") @Nullable
            List<@NotNull(message = "a replica, not null") @Valid ReplicaRequest> replicas) {}

    /** How many registries the call declared or confirmed. */
    record DeclaredRegistries(int declared) {}

    record DeclareRegistryRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String customer,

            @Size(max = InputLimits.LIST, message = "at most {max} replicas") @Nullable
            List<@NotNull(message = "a replica, not null") @Valid ReplicaRequest> replicas) {

        RegistryDeclaration toDeclaration() {
            if (customer == null || customer.isBlank()) {
                throw new InvalidInputException("'customer' is required");
            }
            List<RegistryDeclaration.ReplicaDeclaration> declared = replicas == null
                    ? List.of()
                    : replicas.stream()
                            .map(r -> {
                                if (r == null
                                        || r.region() == null
                                        || r.region().isBlank()
                                        || r.homeStamp() == null
                                        || r.homeStamp().isBlank()) {
                                    throw new InvalidInputException(
                                            "Each entry of 'replicas' needs \"region\" and \"homeStamp\"");
                                }
                                return new RegistryDeclaration.ReplicaDeclaration(r.region(), r.homeStamp());
                            })
                            .toList();
            return new RegistryDeclaration(customer, declared);
        }
    }

    record ReplicaRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String region,

            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String homeStamp) {}

    record DeclareStampRequest(
            @Size(max = InputLimits.NAME, message = "at most {max} characters") @Nullable
            String region,

            @Nullable StampKind kind,
            @Nullable StampStatus status,

            @Size(max = 2, message = "at most one REGISTRY and one DATAPROXY pool") @Nullable
            List<@NotNull(message = "a pool, not null") @Valid PoolRequest> pools,

            @Size(max = InputLimits.LIST, message = "at most {max} storage accounts") @Nullable
            List<
                            @NotNull(message = "a storage account name, not null")
                            @Size(
                                    min = 3,
                                    max = InputLimits.STORAGE_ACCOUNT,
                                    message = "a storage account name has {min}–{max} characters")
                            String>
                    storageAccounts) {

        StampDeclaration toDeclaration() {
            if (region == null || region.isBlank()) {
                throw new InvalidInputException("'region' is required");
            }
            List<StampDeclaration.PoolDeclaration> declared = pools == null
                    ? List.of()
                    : pools.stream()
                            .map(p -> {
                                if (p == null || p.pool() == null) {
                                    throw new InvalidInputException(
                                            "Each entry of 'pools' needs \"pool\": REGISTRY or DATAPROXY");
                                }
                                return new StampDeclaration.PoolDeclaration(
                                        p.pool(), p.nodes() == null ? List.of() : p.nodes(), p.minInstances());
                            })
                            .toList();
            return new StampDeclaration(
                    region, kind, status, declared, storageAccounts == null ? List.of() : storageAccounts);
        }
    }

    record PoolRequest(
            @Nullable PoolKind pool,

            @Size(max = InputLimits.NODES_PER_POOL, message = "at most {max} nodes per pool") @Nullable
            List<
                            @NotNull(message = "a node name, not null")
                            @Size(max = InputLimits.NAME, message = "at most {max} characters") String>
                    nodes,

            @Min(value = 0, message = "at least {value}")
            @Max(value = InputLimits.NODES_PER_POOL, message = "at most {value}")
            @Nullable
            Integer minInstances) {}
}
