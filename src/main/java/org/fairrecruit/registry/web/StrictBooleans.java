package org.fairrecruit.registry.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * A JSON boolean is {@code true} or {@code false}, nothing else: the default binding reads "yes",
 * "no", 0 or 1 as booleans, so {@code {"checked":"yes"}} would untick a checklist item. Anything
 * else is a binding error that names the field (JsonBindingErrors).
 */
@Singleton
@Order(-100)
class StrictBooleans implements Deserializer<Boolean> {
    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isBoolean()) {
            throw decoder.createDeserializationException("property [" + type.getName() + "] must be true or false", node);
        }
        return node.getBooleanValue();
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
