package dev.stampboard.fleet;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

record Customer(@Id @Nullable Long id, String name, String displayName) {

    CustomerInfo toInfo() {
        return new CustomerInfo(name, displayName);
    }
}
