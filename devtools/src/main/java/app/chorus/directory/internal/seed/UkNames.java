package app.chorus.directory.internal.seed;

import java.util.List;

/** Names that sound like an English school trust. */
final class UkNames {

    static final List<String> GIVEN = List.of("Oliver", "Amelia", "George", "Isla", "Noah", "Ava", "Arthur", "Mia",
        "Muhammad", "Ivy", "Leo", "Lily", "Harry", "Isabella", "Oscar", "Rosie", "Archie", "Sophia", "Henry", "Grace",
        "Theodore", "Freya", "Jack", "Florence", "Charlie", "Willow", "Thomas", "Emily", "Alfie", "Poppy", "Jacob", "Ella",
        "Finley", "Evie", "Teddy", "Sienna", "Ethan", "Aisha", "Riley", "Zara", "Reuben", "Maya", "Yusuf", "Priya",
        "Kwame", "Chloe", "Daniel", "Hannah", "Samuel", "Ruby", "Joshua", "Erin", "Kai", "Niamh", "Adam", "Layla",
        "Rhys", "Imogen", "Callum", "Ellie");
    static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
        "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Turner", "Ali", "Hussain", "Begum", "Murphy", "Ahmed",
        "Campbell", "Kaur", "Singh", "Okoro", "Mensah", "Nowak", "Kowalski", "Lewis", "Morgan", "Price", "Cooper",
        "Harris", "Ward", "Baker", "Shaw", "Fletcher", "Armstrong", "Chapman", "Holmes", "Marshall");
    static final List<String> PLACES = List.of("Hillside", "Meadowbank", "Ashgrove", "Kingsway", "Brookfield", "Elmwood",
        "Thornbury", "Holly Lodge", "Greenacre", "Westfield", "Beechwood", "Parkside", "Millbrook", "Castle Hill",
        "Fairfield", "Long Lane", "Moorside", "Redhill", "Willow Bank", "St Mary's", "St John's", "Highfield",
        "Oakwood", "Northgate", "Southmead", "Ferndale", "Lark Rise", "Heathfield", "Bramley", "Stonebridge");
    static final List<String> TOWNS = List.of("", "Leeds", "Wakefield", "Halifax", "Harrogate", "York", "Bradford",
        "Huddersfield", "Doncaster", "Barnsley", "Sheffield", "Rotherham", "Selby", "Skipton", "Ripon", "Otley", "Ilkley");
    static final List<String> PRIMARY = List.of(" Primary", " Primary School", " Church of England Primary", " Infant and Junior School");
    static final List<String> SECONDARY = List.of(" Academy", " High School", " School", " College");

    private UkNames() {
    }
}
