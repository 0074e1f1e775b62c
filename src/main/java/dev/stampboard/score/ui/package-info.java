/** The score's screens: the model page, the dashboard's score column and the stamp detail's score section. */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("ui")
package dev.stampboard.score.ui;
