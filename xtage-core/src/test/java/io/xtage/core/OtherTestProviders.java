package io.xtage.core;

import io.xtage.core.spi.SourceProvider;
import java.net.URI;
import java.util.Map;

/** More providers that exist only in the test sources, to test priorities and ties. */
public final class OtherTestProviders {
    private OtherTestProviders() {
    }

    /** A source that fails when read; enough to see which provider made it. */
    static Source named(String name) {
        return new Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ReadResult read(ProgressListener listener) {
                throw new SourceException(name, "not readable", null);
            }
        };
    }

    private abstract static class Base implements SourceProvider {
        private final String kind;
        private final String scheme;
        private final int priority;

        Base(String kind, String scheme, int priority) {
            this.kind = kind;
            this.scheme = scheme;
            this.priority = priority;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public boolean supports(URI uri) {
            return scheme.equals(uri.getScheme());
        }

        @Override
        public Source create(URI uri, Map<String, String> options) {
            return named(kind + ":" + uri.getSchemeSpecificPart());
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    /** Scheme {@code prio} at priority 0. */
    public static final class Low extends Base {
        public Low() {
            super("prio-low", "prio", 0);
        }
    }

    /** Scheme {@code prio} at priority 5: wins over {@link Low}. */
    public static final class High extends Base {
        public High() {
            super("prio-high", "prio", 5);
        }
    }

    /** Scheme {@code tie} at priority 1. */
    public static final class TieA extends Base {
        public TieA() {
            super("tie-a", "tie", 1);
        }
    }

    /** Scheme {@code tie} at priority 1, the same as {@link TieA}. */
    public static final class TieB extends Base {
        public TieB() {
            super("tie-b", "tie", 1);
        }
    }
}
