package dev.stampboard.fleet;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface StampRepository extends ListCrudRepository<Stamp, Long> {
    Optional<Stamp> findByName(String name);
}

interface RegionRepository extends ListCrudRepository<Region, String> {}

interface CustomerRepository extends ListCrudRepository<Customer, Long> {
    Optional<Customer> findByName(String name);
}

interface RegistryRepository extends ListCrudRepository<Registry, Long> {
    Optional<Registry> findByName(String name);
}

interface HomeStampChangeRepository extends ListCrudRepository<HomeStampChange, Long> {
    List<HomeStampChange> findByRegistryOrderByChangedAtAsc(String registry);

    List<HomeStampChange> findByFromStampOrToStampOrderByChangedAtAsc(String fromStamp, String toStamp);

    List<HomeStampChange> findByIdGreaterThanOrderByIdAsc(long id);
}
