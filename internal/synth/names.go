package synth

// The name lists below are common Italian (and, for foreign-born residents,
// foreign) surnames and given names, written for this package. They are
// generic; any resemblance of a generated person to a real one is chance.

// italianSurnames are common Italian surnames, many typical of Brianza,
// roughly from most to least common.
var italianSurnames = []string{
	"Colombo", "Brambilla", "Rossi", "Villa", "Fumagalli", "Galbiati", "Mauri", "Sala",
	"Riva", "Meroni", "Viganò", "Ferrari", "Cattaneo", "Redaelli", "Bianchi", "Crippa",
	"Mariani", "Russo", "Perego", "Sironi", "Esposito", "Longoni", "Arosio", "Cazzaniga",
	"Romano", "Tagliabue", "Ricci", "Beretta", "Galli", "Motta", "Marino", "Greco",
	"Bruno", "Conti", "De Luca", "Confalonieri", "Pirovano", "Radaelli", "Gallo", "Costa",
	"Mancini", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro",
	"Rinaldi", "Caruso", "Ferrara", "Martini", "Leone", "Longo", "Gentile", "Martinelli",
	"Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti", "Parisi",
	"Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
	"Messina", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi",
	"Monti", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino",
	"Carbone", "Giuliani", "Benedetti", "Barone", "Caputo", "Guerra", "Palmieri", "Bernardi",
	"Fiore", "De Rosa", "Ferretti", "Bellini", "Basile", "Donati", "Piras", "Battaglia",
	"Sartori", "Neri", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando",
	"Negri", "Ronchi", "Pozzi", "Corbetta", "Vergani", "Zanetti", "Bonfanti", "Valtorta",
	"Spinelli", "Scotti", "Cereda", "Sangalli", "Terraneo", "Mapelli", "Pozzoli", "Tremolada",
	"Lucà", "Cantù", "Dell'Orto", "D'Alessandro", "Di Stefano", "Lo Russo", "La Rosa", "Frigerio",
	"Nava", "Spreafico", "Panzeri", "Rigamonti", "Ratti", "Bestetti", "Citterio", "Caspani",
	"Zappa", "Magni", "Lissoni", "Barzaghi", "Borgonovo", "Passoni", "Galimberti", "Nicolò",
	"Sgrò", "Carù", "Dell'Acqua", "Di Giacomo", "Lo Presti", "Mastrangelo",
}

// Given names by sex and era: traditional ones for people born before the
// 1970s, recent ones for people born after the 1990s, a mix in between.
var (
	maleOld = []string{
		"Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo",
		"Pietro", "Salvatore", "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele",
		"Giorgio", "Aldo", "Sergio", "Luciano", "Roberto", "Gianfranco", "Renato", "Enrico",
		"Alberto", "Ernesto", "Piero", "Gianni", "Claudio", "Massimo", "Maurizio", "Stefano",
		"Ambrogio", "Natale", "Gaetano", "Raffaele", "Nicola", "Umberto", "Emilio", "Walter",
		"Giancarlo", "Pierluigi", "Gian Paolo", "Felice", "Erminio", "Cesare", "Achille", "Fabrizio",
		"Marcello", "Gianluigi", "Ezio", "Dario", "Adriano", "Silvano", "Ottavio", "Rocco",
		"Amedeo", "Ugo",
	}
	maleNew = []string{
		"Leonardo", "Francesco", "Alessandro", "Lorenzo", "Mattia", "Andrea", "Gabriele", "Riccardo",
		"Tommaso", "Edoardo", "Matteo", "Giuseppe", "Nicolò", "Niccolò", "Antonio", "Federico",
		"Diego", "Davide", "Christian", "Samuele", "Pietro", "Giovanni", "Filippo", "Alessio",
		"Luca", "Marco", "Michele", "Gioele", "Jacopo", "Manuel", "Elia", "Daniele",
		"Simone", "Emanuele", "Cristiano", "Giulio", "Enea", "Thomas", "Kevin", "Stefano",
		"Fabio", "Paolo", "Massimiliano", "Ivan", "Mirko", "Alberto", "Nicola", "Valerio",
		"Giacomo", "Ettore", "Sebastiano", "Vittorio", "Noah", "Brando",
	}
	femaleOld = []string{
		"Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia",
		"Carmela", "Caterina", "Francesca", "Antonietta", "Carla", "Elena", "Rita", "Luigia",
		"Adriana", "Franca", "Bruna", "Luisa", "Ambrogina", "Enrica", "Giuliana", "Graziella",
		"Laura", "Paola", "Patrizia", "Daniela", "Roberta", "Cinzia", "Barbara", "Monica",
		"Silvia", "Simona", "Elisabetta", "Emanuela", "Stefania", "Raffaella", "Cristina", "Manuela",
		"Mariangela", "Anna Maria", "Maria Grazia", "Rosalba", "Pierangela", "Gabriella", "Wanda", "Iolanda",
		"Ornella", "Mirella", "Marisa", "Nives", "Ermelinda", "Fiorenza", "Noemì", "Maddalena",
	}
	femaleNew = []string{
		"Sofia", "Giulia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Greta",
		"Beatrice", "Anna", "Vittoria", "Noemi", "Matilde", "Martina", "Chiara", "Sara",
		"Ludovica", "Nicole", "Gaia", "Arianna", "Rebecca", "Camilla", "Francesca", "Elisa",
		"Asia", "Viola", "Bianca", "Marta", "Irene", "Alessia", "Elena", "Carlotta",
		"Benedetta", "Mia", "Giada", "Anita", "Adele", "Cecilia", "Ilaria", "Lucrezia",
		"Valentina", "Federica", "Alessandra", "Claudia", "Sabrina", "Michela", "Erica", "Jessica",
	}
)

// country describes a foreign state of birth and citizenship.
type country struct {
	Name         string   // Italian name
	Istat        string   // ISTAT citizenship code
	Belfiore     string   // Z code used in the codice fiscale
	Weight       int      // relative share among foreign-born residents
	Surnames     []string // common surnames
	Male, Female []string
}

// countries are the most common foreign states of birth in Lombardy.
var countries = []country{
	{"Romania", "235", "Z129", 16,
		[]string{"Popescu", "Ionescu", "Popa", "Radu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Munteanu", "Constantin"},
		[]string{"Ion", "Andrei", "Alexandru", "Mihai", "Gabriel", "Florin", "Marian", "Ștefan", "Ionuț"},
		[]string{"Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Ana", "Cristina", "Alina", "Roxana"}},
	{"Albania", "201", "Z100", 12,
		[]string{"Hoxha", "Shehu", "Leka", "Gjoka", "Kola", "Marku", "Prifti", "Dervishi", "Çela", "Lleshi"},
		[]string{"Arben", "Ardit", "Erion", "Gentian", "Klodian", "Besnik", "Ilir", "Endri"},
		[]string{"Elira", "Anila", "Blerina", "Ermira", "Klea", "Jonida", "Arta", "Entela"}},
	{"Marocco", "436", "Z330", 10,
		[]string{"El Amrani", "Benali", "Bouzid", "El Idrissi", "Alaoui", "Benjelloun", "Chraibi", "Tahiri", "Ouali", "Haddad"},
		[]string{"Mohamed", "Youssef", "Ahmed", "Hassan", "Rachid", "Karim", "Said", "Omar"},
		[]string{"Fatima", "Khadija", "Amina", "Naima", "Samira", "Malika", "Salma", "Sara"}},
	{"Ucraina", "243", "Z138", 8,
		[]string{"Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Koval", "Oliynyk", "Lysenko"},
		[]string{"Oleksandr", "Andriy", "Serhiy", "Volodymyr", "Dmytro", "Ivan", "Mykola", "Yuriy"},
		[]string{"Olena", "Natalia", "Oksana", "Iryna", "Tetiana", "Svitlana", "Halyna", "Yulia"}},
	{"Cina", "314", "Z210", 6,
		[]string{"Hu", "Wang", "Chen", "Zhou", "Zhang", "Liu", "Lin", "Huang", "Xu", "Ye"},
		[]string{"Wei", "Jie", "Hao", "Jun", "Lei", "Qiang", "Ming", "Yong"},
		[]string{"Mei", "Ying", "Xiaoyu", "Li", "Hui", "Yan", "Fang", "Jing"}},
	{"Egitto", "412", "Z336", 7,
		[]string{"Hassan", "Ibrahim", "Mahmoud", "Ali", "Abdelrahman", "Mostafa", "Youssef", "Salem", "Farouk", "Nasser"},
		[]string{"Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Karim", "Amr", "Tarek", "Hany"},
		[]string{"Fatma", "Mona", "Heba", "Nour", "Mariam", "Aya", "Yasmin", "Rania"}},
	{"Perù", "615", "Z611", 7,
		[]string{"Quispe", "Flores", "Mamani", "Rojas", "Huamán", "Chávez", "Torres", "Vargas", "Ramírez", "Castillo"},
		[]string{"José", "Luis", "Carlos", "Jorge", "Juan", "Miguel", "César", "Víctor"},
		[]string{"Rosa", "Carmen", "María", "Ana", "Milagros", "Lucía", "Patricia", "Gladys"}},
	{"Ecuador", "609", "Z605", 6,
		[]string{"Zambrano", "Vera", "Cedeño", "Mendoza", "Moreira", "Intriago", "Macías", "Vélez", "Guamán", "Loor"},
		[]string{"Jorge", "Luis", "Segundo", "Byron", "Wilson", "Édison", "Fabián", "Washington"},
		[]string{"Jessica", "Mercedes", "Gloria", "Marisol", "Jenny", "Verónica", "Diana", "Elena"}},
	{"Filippine", "323", "Z216", 4,
		[]string{"Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Dela Cruz", "Ramos", "Aquino", "Villanueva"},
		[]string{"Jose", "Mark", "John Paul", "Rodel", "Jomar", "Ronaldo", "Arnel", "Rommel"},
		[]string{"Maricel", "Jocelyn", "Rowena", "Marites", "Grace", "Lorna", "Cristina", "Analyn"}},
	{"Pakistan", "344", "Z236", 5,
		[]string{"Khan", "Ahmed", "Ali", "Hussain", "Iqbal", "Butt", "Malik", "Shah", "Raza", "Chaudhry"},
		[]string{"Muhammad", "Imran", "Asif", "Bilal", "Usman", "Kashif", "Zubair", "Tariq"},
		[]string{"Ayesha", "Fatima", "Sana", "Nadia", "Rabia", "Saima", "Hina", "Amna"}},
}

// streets are synthetic street names of the kind found in every Lombard
// town.
var streets = []string{
	"Via Roma", "Via Giuseppe Garibaldi", "Via Giuseppe Mazzini", "Via Camillo Benso di Cavour",
	"Via Dante Alighieri", "Via Alessandro Manzoni", "Via Giuseppe Verdi", "Via Vittorio Emanuele II",
	"Piazza della Repubblica", "Via XX Settembre", "Via IV Novembre", "Via XXV Aprile",
	"Via Primo Maggio", "Via Trieste", "Via Trento", "Via Milano", "Corso Milano", "Via Monza",
	"Via Lecco", "Via Como", "Via Bergamo", "Via Varese", "Via Cesare Battisti", "Via Nazario Sauro",
	"Via Guglielmo Marconi", "Via Galileo Galilei", "Via Leonardo da Vinci", "Via Alessandro Volta",
	"Via Giacomo Matteotti", "Via Antonio Gramsci", "Via Papa Giovanni XXIII", "Via Don Giovanni Minzoni",
	"Via Don Luigi Sturzo", "Via Alcide De Gasperi", "Via Aldo Moro", "Via Enrico Fermi",
	"Via Edmondo De Amicis", "Via Giosuè Carducci", "Via Giacomo Leopardi", "Via Ugo Foscolo",
	"Via Silvio Pellico", "Via Torquato Tasso", "Via Ludovico Ariosto", "Via Francesco Petrarca",
	"Via Giovanni Pascoli", "Via Gabriele D'Annunzio", "Via Luigi Pirandello", "Via Cristoforo Colombo",
	"Via Amerigo Vespucci", "Via Marco Polo", "Via Nino Bixio", "Via Goffredo Mameli",
	"Via Carlo Pisacane", "Via Fratelli Bandiera", "Via Fratelli Cervi", "Via Piave",
	"Via Monte Grappa", "Via Monte Rosa", "Via Monte Bianco", "Via Monte Generoso",
	"Via Monte Nero", "Via Isonzo", "Via Tagliamento", "Via Adda", "Via Lambro", "Via Seveso",
	"Via Ticino", "Via Po", "Via Brianza", "Via Valassina", "Via Sant'Ambrogio", "Via San Carlo",
	"Via San Francesco d'Assisi", "Via Santa Caterina da Siena", "Via San Rocco", "Via San Giuseppe",
	"Via San Martino", "Via Sant'Anna", "Via della Chiesa", "Via del Lavoro", "Via dell'Industria",
	"Via dell'Artigianato", "Via della Stazione", "Via della Libertà", "Via della Pace", "Via dei Mille",
	"Via delle Rimembranze", "Via dei Tigli", "Via dei Platani", "Via delle Querce", "Via dei Gelsi",
	"Via delle Rose", "Via dei Ciclamini", "Via dei Mulini", "Via Cascina Nuova", "Via Santa Maria",
	"Viale Lombardia", "Viale Brianza", "Viale Europa", "Viale Italia", "Viale delle Industrie",
	"Largo Augusto", "Piazza Cavour", "Piazza Libertà", "Piazza San Pietro", "Via Vincenzo Monti",
	"Via Cesare Beccaria", "Via Pietro Verri", "Via Carlo Porta", "Via Cesare Cantù", "Via Ugo Bassi",
	"Via Filippo Turati", "Via Giuseppe Parini", "Via Bartolomeo Colleoni", "Via Giuseppe Di Vittorio",
	"Via Tommaso Grossi", "Via Luigi Cadorna", "Via Armando Diaz", "Via Francesco Baracca",
}
