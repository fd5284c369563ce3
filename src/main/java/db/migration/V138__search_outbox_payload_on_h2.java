package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Search on several nodes (ADR 071, 074): the outbox payload columns as Hibernate Search 8.2 maps
 * them on each database. Its {@code byte[]} of length 2^31-1 is {@code bytea} on PostgreSQL (what
 * V91 made, so nothing changes there) and {@code blob} on H2, where V91's {@code bytea} became
 * VARBINARY and Hibernate's schema validation refused the start of the search-cluster profile on H2
 * ("found [binary varying], but expecting [blob]"). One SQL statement cannot say both (PostgreSQL
 * has no {@code blob}), hence a Java migration that acts on H2 only. The tables are empty unless
 * the search-cluster profile ran, which it could not on H2 before this.
 */
public class V138__search_outbox_payload_on_h2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"H2".equalsIgnoreCase(product)) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table hsearch_outbox_event alter column payload set data type blob");
            statement.execute("alter table hsearch_agent alter column payload set data type blob");
        }
    }
}
