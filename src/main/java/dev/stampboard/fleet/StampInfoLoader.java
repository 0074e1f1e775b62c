package dev.stampboard.fleet;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every stamp of the inventory in four queries (stamps, pools, nodes, storage accounts), for the fleet snapshot. The
 * repository's {@code findAll} loads each stamp's pools and each pool's nodes with queries of their own: at 2,000
 * stamps that was some 6,000 queries per snapshot, and every instance rebuilds its snapshot whenever it follows an
 * inventory change another instance made (README "Several instances", measured in {@code FollowLagBenchmark}). Gives
 * what {@link Stamp#toInfo} gives.
 */
final class StampInfoLoader {

    private StampInfoLoader() {}

    private record Row(long id, String name, String region, StampKind kind, StampStatus status) {}

    private record PoolRow(
            long id,
            long stampId,
            PoolKind kind,
            int current,
            int min,
            @Nullable OffsetDateTime missingSince) {}

    static List<StampInfo> all(JdbcClient jdbc) {
        List<Row> stamps = jdbc.sql("select id, name, region, kind, status from stamp")
                .query((rs, i) -> new Row(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("region"),
                        StampKind.valueOf(rs.getString("kind")),
                        StampStatus.valueOf(rs.getString("status"))))
                .list();
        List<PoolRow> pools = jdbc.sql("select id, stamp_id, kind, current_instances, min_instances,"
                        + " scale_set_missing_since from stamp_pool")
                .query((rs, i) -> new PoolRow(
                        rs.getLong("id"),
                        rs.getLong("stamp_id"),
                        PoolKind.valueOf(rs.getString("kind")),
                        rs.getInt("current_instances"),
                        rs.getInt("min_instances"),
                        rs.getObject("scale_set_missing_since", OffsetDateTime.class)))
                .list();
        Map<Long, List<String>> nodes = new HashMap<>();
        jdbc.sql("select pool_id, name from pool_node").query(rs -> {
            nodes.computeIfAbsent(rs.getLong("pool_id"), k -> new ArrayList<>()).add(rs.getString("name"));
        });
        Map<Long, List<String>> accounts = new HashMap<>();
        jdbc.sql("select stamp_id, name from storage_account").query(rs -> {
            accounts.computeIfAbsent(rs.getLong("stamp_id"), k -> new ArrayList<>())
                    .add(rs.getString("name"));
        });
        Map<Long, List<PoolInfo>> poolsOf = new HashMap<>();
        for (PoolRow p : pools) {
            List<String> names = new ArrayList<>(nodes.getOrDefault(p.id(), List.of()));
            names.sort(Comparator.naturalOrder());
            poolsOf.computeIfAbsent(p.stampId(), k -> new ArrayList<>())
                    .add(new PoolInfo(
                            p.kind(),
                            p.current(),
                            p.min(),
                            List.copyOf(names),
                            p.missingSince() == null ? null : p.missingSince().toInstant()));
        }
        List<StampInfo> out = new ArrayList<>(stamps.size());
        for (Row s : stamps) {
            List<PoolInfo> ps = new ArrayList<>(poolsOf.getOrDefault(s.id(), List.of()));
            ps.sort(Comparator.comparing(PoolInfo::kind));
            List<String> as = new ArrayList<>(accounts.getOrDefault(s.id(), List.of()));
            as.sort(Comparator.naturalOrder());
            out.add(new StampInfo(s.name(), s.region(), s.kind(), s.status(), List.copyOf(ps), List.copyOf(as)));
        }
        return out;
    }
}
