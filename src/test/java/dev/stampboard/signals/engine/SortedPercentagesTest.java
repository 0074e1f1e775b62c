package dev.stampboard.signals.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedPercentagesTest {

    @Test
    void stays_sorted_and_equal_to_a_list_model_under_random_edits() {
        Random random = new Random(3);
        SortedPercentages sorted = new SortedPercentages(4);
        List<Float> model = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            // mix of whole percents, both ends, a crowded bucket and arbitrary values
            float v = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(101);
                case 1 -> random.nextBoolean() ? 0f : 100f;
                case 2 -> 42f + random.nextInt(100) / 100f;
                default -> random.nextFloat() * 100;
            };
            int action = model.isEmpty() ? 0 : random.nextInt(3);
            if (action == 0 || model.size() < 5) {
                sorted.insert(v);
                model.add(v);
            } else if (action == 1) {
                float old = model.remove(random.nextInt(model.size()));
                sorted.remove(old);
            } else {
                int at = random.nextInt(model.size());
                float old = model.get(at);
                model.set(at, v);
                sorted.replace(old, v);
            }
            if (step % 97 == 0) {
                Collections.sort(model);
                assertThat(contents(sorted)).as("step %d", step).containsExactlyElementsOf(model);
            }
        }
    }

    @Test
    void refuses_values_outside_0_to_100() {
        SortedPercentages sorted = new SortedPercentages(2);
        assertThatThrownBy(() -> sorted.insert(100.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sorted.insert(-1f)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removing_a_value_that_is_not_there_is_an_invariant_breach() {
        SortedPercentages sorted = new SortedPercentages(2);
        sorted.insert(10f);
        assertThatThrownBy(() -> sorted.remove(11f)).isInstanceOf(IllegalStateException.class);
    }

    private static List<Float> contents(SortedPercentages sorted) {
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            values.add(sorted.get(i));
        }
        return values;
    }

    @Test
    void set_sorted_replaces_the_contents_and_keeps_edits_working() {
        SortedPercentages sorted = new SortedPercentages(2);
        sorted.insert(99f);
        sorted.setSorted(new float[] {0f, 0f, 12.5f, 42f, 42f, 99.9f, 100f}, 7);
        assertThat(sorted.size()).isEqualTo(7);
        sorted.remove(42f);
        sorted.insert(41.5f);
        sorted.replace(0f, 100f);
        float[] contents = new float[sorted.size()];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = sorted.get(i);
        }
        assertThat(contents).containsExactly(0f, 12.5f, 41.5f, 42f, 99.9f, 100f, 100f);
        sorted.setSorted(new float[0], 0);
        assertThat(sorted.size()).isZero();
    }
}
