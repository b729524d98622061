package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SecretSupplier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcSource_BuilderTest {
    @Test
    void tableIsQuotedInTheSql() {
        JdbcSource s = JdbcSource.builder().url("jdbc:postgresql://h:5432/db").table("sales", "Order \"Items\"").build();
        assertThat(s.sql()).isEqualTo("SELECT * FROM \"sales\".\"Order \"\"Items\"\"\"");
        assertThat(s.name()).isEqualTo("postgresql://h:5432/db#sales.Order \"Items\"");
    }

    @Test
    void identifiersMustBeNonEmptyWithoutNul() {
        assertThatThrownBy(() -> JdbcSource.quoteIdentifier("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcSource.quoteIdentifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsAConnectionAndATarget() {
        assertThatThrownBy(() -> JdbcSource.builder().query("select 1").build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataSource");
        assertThatThrownBy(() -> JdbcSource.builder().url("jdbc:postgresql://h/db").build())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("query");
    }

    @Test
    void oneConnectionAndOneTargetOnly() {
        assertThatThrownBy(() -> JdbcSource.builder().url("jdbc:postgresql://h/db").url("jdbc:postgresql://h/db2"))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JdbcSource.builder().query("select 1").table("t"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsGoWithAUrlNotADataSource() {
        assertThatThrownBy(() -> JdbcSource.builder().dataSource(new OneConnection(null)).user("u").query("select 1")
            .build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void urlMustBeJdbc() {
        assertThatThrownBy(() -> JdbcSource.builder().url("postgresql://h/db"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameDropsUserInfoAndParameters() {
        assertThat(JdbcNames.fromUrl("jdbc:postgresql://bob:pw@h:5432/db?sslmode=require&password=x"))
            .isEqualTo("postgresql://h:5432/db");
        assertThat(JdbcNames.fromUrl("jdbc:postgresql://h1:5432,h2:5433/db")).isEqualTo("postgresql://h1:5432,h2:5433/db");
        assertThat(JdbcNames.secrets("jdbc:postgresql://bob:pw-1@h/db?password=pw-2&user=u"))
            .contains("pw-1", "pw-2").doesNotContain("u");
    }

    @Test
    void nameOfADataSourceWithoutAUrlIsItsClass() {
        assertThat(JdbcSource.builder().dataSource(new OneConnection(null)).query("select 1").build().name())
            .isEqualTo("datasource:OneConnection#query");
    }

    @Test
    void toStringShowsWhereThePasswordComesFromNotThePassword() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:postgresql://h/db?password=pw-3", "u",
            SecretSupplier.env("XTAGE_PG_PASSWORD"));
        assertThat(ds.toString()).contains("XTAGE_PG_PASSWORD").doesNotContain("pw-3");
    }

    @Test
    void optionsValidateAndRoundTrip() {
        assertThatThrownBy(() -> JdbcOptions.builder().fetchSize(0).build()).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("fetchSize");
        assertThatThrownBy(() -> JdbcOptions.builder().queryTimeout(Duration.ofSeconds(-1)).build())
            .isInstanceOf(IllegalArgumentException.class);
        JdbcOptions o = JdbcOptions.builder().fetchSize(5).queryTimeout(Duration.ofMillis(1500)).snakeCaseNames(false)
            .unmappedAsText(true).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(JdbcOptions.DEFAULTS.fetchSize()).isEqualTo(10_000);
        assertThat(JdbcOptions.DEFAULTS.isSnakeCaseNames()).isTrue();
    }
}
