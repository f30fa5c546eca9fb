/// The names the demo data draws from. Some carry Unicode, apostrophes and ampersands on
/// purpose, so every page is exercised with text that needs escaping.
enum DemoCatalogue {
    struct Badge {
        var name: String
        var category: String
        /// 1 (an afternoon) to 5 (months); drives completion time and drop-out.
        var difficulty: Int
        /// The badge this one builds on, by name: learners tend to take it next.
        var buildsOn: String?
    }

    /// In order of popularity: the long tail comes from a Zipf weight over this order.
    static let badges: [Badge] = [
        Badge(name: "Python Basics", category: "Programming", difficulty: 1),
        Badge(name: "SQL Fundamentals", category: "Data", difficulty: 1),
        Badge(name: "Git & GitHub", category: "Programming", difficulty: 1),
        Badge(name: "Cloud Practitioner", category: "Cloud", difficulty: 2),
        Badge(name: "Security Fundamentals", category: "Security", difficulty: 2),
        Badge(name: "Leading Teams", category: "Leadership", difficulty: 2),
        Badge(
            name: "Python Intermediate", category: "Programming", difficulty: 3,
            buildsOn: "Python Basics"),
        Badge(
            name: "Data Visualization", category: "Data", difficulty: 2,
            buildsOn: "SQL Fundamentals"),
        Badge(name: "Linux Command Line", category: "Cloud", difficulty: 1),
        Badge(
            name: "Data Analysis with Pandas", category: "Data", difficulty: 3,
            buildsOn: "Python Intermediate"),
        Badge(name: "Communication & Influence", category: "Leadership", difficulty: 1),
        Badge(
            name: "Docker Basics", category: "Cloud", difficulty: 2,
            buildsOn: "Linux Command Line"),
        Badge(name: "Statistics 101", category: "Data", difficulty: 2),
        Badge(name: "JavaScript Essentials", category: "Programming", difficulty: 2),
        Badge(
            name: "Machine Learning Foundations", category: "Data", difficulty: 4,
            buildsOn: "Data Analysis with Pandas"),
        Badge(
            name: "Kubernetes Essentials", category: "Cloud", difficulty: 4,
            buildsOn: "Docker Basics"),
        Badge(
            name: "AWS Solutions Architect", category: "Cloud", difficulty: 4,
            buildsOn: "Cloud Practitioner"),
        Badge(
            name: "Coaching for Managers", category: "Leadership", difficulty: 3,
            buildsOn: "Leading Teams"),
        Badge(
            name: "Zero Trust Networks", category: "Security", difficulty: 4,
            buildsOn: "Security Fundamentals"),
        Badge(
            name: "Advanced Python", category: "Programming", difficulty: 4,
            buildsOn: "Python Intermediate"),
        Badge(
            name: "Manager's Toolkit", category: "Leadership", difficulty: 2,
            buildsOn: "Communication & Influence"),
        Badge(
            name: "Ethical Hacking", category: "Security", difficulty: 5,
            buildsOn: "Zero Trust Networks"),
        Badge(
            name: "Deep Learning", category: "Data", difficulty: 5,
            buildsOn: "Machine Learning Foundations"),
        Badge(
            name: "Données & Société", category: "Data", difficulty: 3,
            buildsOn: "Statistics 101"),
    ]

    static let organizations = [
        "Acme & Sons", "Globex Corporation", "Initech", "O'Reilly Learning Group",
        "Zürich Analytics AG", "Umbrella Health", "Café Numérique", "Stark Industries",
        "Wayne Enterprises", "Ōsaka Robotics 大阪", "Hooli", "Müller & Söhne GmbH",
        "Tyrell Systems", "Cyberdyne Labs", "Soylent Foods", "Vandelay Industries",
    ]

    static let firstNames = [
        "Ada", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gabriel", "Hana", "Ibrahim",
        "Jonas", "Kwame", "Léa", "Mateo", "Noor", "Oliver", "Priya", "Quentin", "Rosa",
        "Søren", "Tomás", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë",
    ]

    static let lastNames = [
        "Andersson", "Brown", "Chen", "D'Souza", "Evans", "Fernández", "García", "Hughes",
        "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nguyễn", "O'Brien", "Patel",
        "Quinn", "Rossi", "Smith", "Tanaka", "Usman", "Virtanen", "Williams", "Yılmaz",
    ]

    static let extraCategories = ["Programming", "Data", "Cloud", "Security", "Leadership"]
}
