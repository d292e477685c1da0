package org.jdbsp.nexmark.model;

/**
 * A person who joined the auction site (Nexmark "person" event).
 *
 * @param id           person id (the first generated person has id 1001)
 * @param name         first and last name separated by one space
 * @param emailAddress a random e-mail address
 * @param creditCard   four groups of four digits separated by single spaces
 * @param city         a US city
 * @param state        a US state code
 * @param dateTime     event time, epoch milliseconds (UTC)
 * @param extra        padding that brings the event to its configured average size
 */
public record Person(long id, String name, String emailAddress, String creditCard, String city, String state,
                     long dateTime, String extra) implements Event {
}
