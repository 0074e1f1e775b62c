package dev.stampboard.fleet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;

/** A cloud region. Named by its cloud name, so the id is assigned, not generated. */
class Region implements Persistable<String> {

    @Id
    private final String name;

    private final String zoneId;

    @Transient
    private final boolean isNew;

    @org.springframework.data.annotation.PersistenceCreator
    Region(String name, String zoneId) {
        this(name, zoneId, false);
    }

    private Region(String name, String zoneId, boolean isNew) {
        this.name = name;
        this.zoneId = zoneId;
        this.isNew = isNew;
    }

    static Region create(String name, String zoneId) {
        return new Region(name, zoneId, true);
    }

    @Override
    public String getId() {
        return name;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    RegionInfo toInfo() {
        return new RegionInfo(name, java.time.ZoneId.of(zoneId));
    }
}
