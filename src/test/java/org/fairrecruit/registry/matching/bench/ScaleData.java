package org.fairrecruit.registry.matching.bench;

import org.fairrecruit.registry.matching.EntityType;
import org.fairrecruit.registry.matching.MatchQuery;
import org.fairrecruit.registry.matching.MatchableEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic registry names for the scale benchmark. Names are drawn from small word pools, so many
 * share common words ("Global", "Manpower", "Mohammad", "Bahadur"), plus a long tail of made-up
 * words the way real registers have rare surnames and brand words.
 */
final class ScaleData {

    private static final String[] BRAND = {"Global", "Royal", "Golden", "Silver", "Blue", "Green", "Sky", "Sun", "Moon",
            "Star", "Crystal", "Diamond", "Ruby", "Pearl", "Ocean", "River", "Mountain", "Himalayan", "Everest", "Sagarmatha",
            "Lumbini", "Karnali", "Gandaki", "Kathmandu", "Dhaka", "Padma", "Meghna", "Jamuna", "Sonali", "Rupali", "Bengal",
            "Jaya", "Sinar", "Cahaya", "Bintang", "Mutiara", "Nusantara", "Garuda", "Rajawali", "Borneo", "Luzon",
            "Visayas", "Mindanao", "Bayanihan", "Maharlika", "Pacific", "Orient", "Eastern", "Western", "Northern",
            "Southern", "United", "First", "Prime", "Noble", "True", "Grand", "Great", "Bright", "New", "Lanka", "Ceylon",
            "Lotus", "Orchid", "Palm", "Cedar", "Eagle", "Falcon", "Tiger", "Lion", "Phoenix", "Crest", "Summit", "Gate",
            "Harbor", "Bridge", "Path", "Compass", "Anchor", "Beacon", "Shield", "Arrow", "Tower", "Valley", "Wave"};
    private static final String[] TRADE = {"Manpower", "Recruitment", "Overseas", "Employment", "Human Resources",
            "Services", "Agency", "International", "Global", "Consultancy", "Placement", "Staffing", "Travel and Tours",
            "Management", "Solutions", "Network", "Exchange", "Workforce", "Personnel", "Career", "Labour",
            "Foreign Employment", "Development", "Center", "Company", "Talent", "Resources"};
    private static final String[] LEGAL = {"Pvt. Ltd.", "Private Limited", "(Pvt) Ltd", "Ltd", "Limited", "Inc.",
            "Incorporated", "Corporation", "Corp.", "Co.", "LLC", "Sdn Bhd"};
    private static final String[] LEADING_LEGAL = {"PT", "CV"};
    private static final String[] GIVEN = {"Mohammad", "Md.", "Abdul", "Ram", "Krishna", "Hari", "Shyam", "Gita", "Sita",
            "Laxmi", "Kamala", "Bimala", "Durga", "Tek", "Dil", "Man", "Rahima", "Fatema", "Nasrin", "Shirin", "Jahanara",
            "Habibur", "Anwar", "Kamal", "Rafiqul", "Shahidul", "Sheikh", "Abu", "Siti", "Nur", "Sri", "Eko", "Budi",
            "Slamet", "Ahmad", "Yusuf", "Dewi", "Endang", "Sulastri", "Maria", "Juan", "Jose", "Rodrigo", "Reynaldo",
            "Teresita", "Lorna", "Marites", "Jennifer", "Arnel", "Danilo", "Rosario", "Evangeline", "Nimal", "Sandya",
            "Chaminda", "Anura", "Ruwan", "Priyanka", "Dilani", "Mahinda"};
    private static final String[] MIDDLE = {"Bahadur", "Kumar", "Kumari", "Devi", "Prasad", "Kamal", "Abdul", "Cristina",
            "Miguel", "Santos", "Dela Cruz", "Nurhaliza", "Wahyuni", "Fauzi", "Rizki", "Aini", "Marie"};
    private static final String[] FAMILY = {"Thapa", "Gurung", "Tamang", "Magar", "Rai", "Limbu", "Shrestha", "Adhikari",
            "Karki", "Khadka", "Poudel", "Bhandari", "Chaudhary", "Yadav", "Sharma", "Hossain", "Rahman", "Islam",
            "Chowdhury", "Akter", "Begum", "Haque", "Karim", "Ahmed", "Sarker", "Uddin", "Mia", "Saputra", "Santoso",
            "Wijaya", "Kurniawan", "Pratama", "Nugroho", "Rahayu", "Setiawan", "Hidayat", "Gunawan", "Santos", "Reyes",
            "Cruz", "Dela Cruz", "Garcia", "Mendoza", "Ramos", "Bautista", "Villanueva", "Navarro", "Castillo",
            "Fernandez", "Aquino", "Pascual", "Soriano", "Dimaculangan", "Macaraeg", "Silva", "Perera", "Fernando",
            "Bandara", "Wickramasinghe", "Jayasinghe", "Dissanayake", "Rathnayake", "Gunawardena"};
    private static final String[] SYLLABLES = {"ka", "ra", "ma", "na", "ta", "sa", "la", "pa", "da", "ga", "ba", "ha",
            "ri", "ni", "ti", "si", "li", "mi", "ku", "ru", "su", "tu", "nu", "wa", "ya", "jo", "ko", "ro", "no", "to",
            "an", "ar", "in", "ul", "en", "sh", "dh", "kh", "bh", "th"};

    private final Random random;
    private final List<String> rareWords = new ArrayList<>();

    ScaleData(long seed) {
        random = new Random(seed);
        for (int k = 0; k < 30_000; k++) {
            rareWords.add(capitalise(syllables(2 + random.nextInt(3))));
        }
    }

    List<MatchableEntity> agencies(int count) {
        List<MatchableEntity> agencies = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String country = pick(new String[]{"NP", "BD", "ID", "PH", "LK"});
            List<String> names = new ArrayList<>();
            String brand = random.nextInt(3) == 0 ? pick(rareWords) + " " + pick(BRAND) : pick(BRAND) + " " + pick(BRAND);
            names.add(agencyName(brand, country));
            int more = random.nextInt(5); // 0..4 trade names, former names and aliases, two on average
            for (int m = 0; m < more; m++) {
                String other = random.nextBoolean() ? brand : pick(rareWords) + " " + pick(BRAND);
                names.add(agencyName(other, country));
            }
            agencies.add(new MatchableEntity("A" + k, EntityType.AGENCY, names, country));
        }
        return agencies;
    }

    List<MatchableEntity> persons(int count) {
        List<MatchableEntity> persons = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            List<String> names = new ArrayList<>();
            names.add(personName());
            if (random.nextInt(10) == 0) {
                names.add(personName());
            }
            persons.add(new MatchableEntity("P" + k, EntityType.PERSON, names, pick(new String[]{"NP", "BD", "ID", "PH", "LK"})));
        }
        return persons;
    }

    /** A search to time; registered is the name it was drawn from, or null for a name of no one. */
    record ScaleQuery(MatchQuery query, String registered) {
    }

    /** Registered names as people type them (typos, other order, upper case), and names of no one. */
    List<ScaleQuery> queries(List<MatchableEntity> agencies, List<MatchableEntity> persons, int count) {
        List<ScaleQuery> queries = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int kind = random.nextInt(10);
            EntityType type = random.nextInt(4) == 0 ? null : (random.nextBoolean() ? EntityType.AGENCY : EntityType.PERSON);
            EntityType drawn = type != null ? type : random.nextBoolean() ? EntityType.AGENCY : EntityType.PERSON;
            if (kind < 2) {
                String name = drawn == EntityType.AGENCY ? agencyName(pick(BRAND) + " " + pick(rareWords), "NP") : personName();
                queries.add(new ScaleQuery(new MatchQuery(name, type, null), null));
                continue;
            }
            List<MatchableEntity> from = drawn == EntityType.AGENCY ? agencies : persons;
            MatchableEntity entity = from.get(random.nextInt(from.size()));
            String name = entity.names().get(random.nextInt(entity.names().size()));
            String typed = switch (kind) {
                case 2, 3, 4 -> typo(name);
                case 5, 6 -> reorder(name);
                case 7 -> typo(reorder(name));
                default -> name.toUpperCase(Locale.ROOT);
            };
            queries.add(new ScaleQuery(new MatchQuery(typed, type, null), name));
        }
        return queries;
    }

    private String agencyName(String brand, String country) {
        StringBuilder name = new StringBuilder();
        boolean indonesian = country.equals("ID") && random.nextBoolean();
        if (indonesian) {
            name.append(pick(LEADING_LEGAL)).append(' ');
        }
        name.append(brand);
        int trade = 1 + random.nextInt(3);
        for (int t = 0; t < trade; t++) {
            name.append(' ').append(pick(TRADE));
        }
        if (!indonesian) {
            name.append(' ').append(pick(LEGAL));
        }
        return name.toString();
    }

    private String personName() {
        String family = random.nextInt(4) == 0 ? pick(rareWords) : pick(FAMILY);
        String given = random.nextInt(5) == 0 ? pick(rareWords) : pick(GIVEN);
        return random.nextInt(3) == 0 ? given + " " + pick(MIDDLE) + " " + family : given + " " + family;
    }

    private String typo(String name) {
        char[] letters = name.toCharArray();
        int at = 1 + random.nextInt(Math.max(1, letters.length - 2));
        if (!Character.isLetter(letters[at]) || !Character.isLetter(letters[at - 1])) {
            return name;
        }
        if (random.nextBoolean()) {
            char swap = letters[at];
            letters[at] = letters[at - 1];
            letters[at - 1] = swap;
        } else {
            letters[at] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }

    private String reorder(String name) {
        String[] words = name.split(" ");
        if (words.length < 2) {
            return name;
        }
        int a = random.nextInt(words.length);
        int b = random.nextInt(words.length);
        String swap = words[a];
        words[a] = words[b];
        words[b] = swap;
        return String.join(" ", words);
    }

    private String syllables(int count) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < count; s++) {
            word.append(pick(SYLLABLES));
        }
        return word.toString();
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }

    private String pick(List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
