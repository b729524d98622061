package io.xtage.source.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field paths seen in the records of one read, as a tree of keys, so that a nested field is
 * found with one map lookup per level and no string building. A node that has held a value (or
 * {@code null}) gets a slot, numbered in first-seen order: slots become the inferred columns.
 * Not thread-safe.
 */
final class FieldTree {
    /** One key path, such as {@code /customer/firstName}. */
    static final class Node {
        final Node parent;
        final String key;
        /** The path as a JSON Pointer, for messages: unambiguous even when keys contain dots. */
        final String pointer;
        private Map<String, Node> children;
        int slot = -1;

        private Node(Node parent, String key, String pointer) {
            this.parent = parent;
            this.key = key;
            this.pointer = pointer;
        }

        Node child(String name) {
            if (children == null) {
                children = new HashMap<>();
            }
            Node c = children.get(name);
            if (c == null) {
                c = new Node(this, name, pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
                children.put(name, c);
            }
            return c;
        }

        /** @return the keys from the top, joined with {@code _}, as they are */
        String joinedKeys() {
            if (parent == null) {
                return "";
            }
            String up = parent.joinedKeys();
            return up.isEmpty() && parent.parent == null ? key : up + "_" + key;
        }
    }

    final Node root = new Node(null, "", "");
    private final List<Node> slots = new ArrayList<>();

    /** @return the node's slot, giving it the next one if it has none */
    int slot(Node n) {
        if (n.slot < 0) {
            n.slot = slots.size();
            slots.add(n);
        }
        return n.slot;
    }

    int slotCount() {
        return slots.size();
    }

    Node node(int slot) {
        return slots.get(slot);
    }
}
