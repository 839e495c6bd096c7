package org.simpul.registry;

import java.util.UUID;

/**
 * Two registry records of one person were merged: {@code dropped} no longer exists, {@code kept} stands for
 * them. Published inside the merge's transaction, so that whatever points at the dropped person (a
 * complaint's subject) is moved in the same commit or not at all.
 */
public record PersonsMerged(UUID dropped, UUID kept) {
}
