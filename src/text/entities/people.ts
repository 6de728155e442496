import { names } from "./name-table.ts";

/**
 * People the AI industry's news names often: executives, founders, researchers, investors and policymakers. The
 * name heuristics in `name-rules.ts` find everyone else; this list catches names they cannot (single given names that
 * look like words, names written family name first).
 */
export const people: readonly string[] = names(`
# Chips and hardware
Jensen Huang; Colette Kress; Lisa Su; Forrest Norrod; Lip-Bu Tan; Pat Gelsinger; David Zinsner; Hock Tan
Charlie Kawwas; C.C. Wei; Wendell Huang; Morris Chang; Mark Liu; Cristiano Amon; Sanjay Mehrotra; Matt Murphy
Rene Haas; Christophe Fouquet; Peter Wennink; Sassine Ghazi; Anirudh Devgan; Charles Liang; Michael Dell
Jeff Clarke; Antonio Neri; Chuck Robbins; Jayshree Ullal; Andrew Feldman; Jonathan Ross; Jim Keller
Kwak Noh-jung; Jun Young-hyun
# Cloud and software
Satya Nadella; Amy Hood; Kevin Scott; Mustafa Suleyman; Brad Smith; Scott Guthrie; Sundar Pichai; Ruth Porat
Anat Ashkenazi; Thomas Kurian; Demis Hassabis; Koray Kavukcuoglu; Jeff Dean; Sergey Brin; Larry Page
John Jumper; Andy Jassy; Matt Garman; Adam Selipsky; Brian Olsavsky; Jeff Bezos; Mark Zuckerberg; Susan Li
Alexandr Wang; Nat Friedman; Yann LeCun; Chris Cox; Andrew Bosworth; Shengjia Zhao; Tim Cook; Kevan Parekh
Craig Federighi; John Ternus; John Giannandrea; Luca Maestri; Larry Ellison; Safra Catz; Clay Magouyrk
Mike Sicilia; Marc Benioff; Sridhar Ramaswamy; Frank Slootman; Alex Karp; Bill McDermott; Arvind Krishna
Christian Klein; Shantanu Narayen; Michael Intrator; Arkady Volozh; Ali Ghodsi; Matthew Prince; George Kurtz
Nikesh Arora
# Labs
Sam Altman; Greg Brockman; Sarah Friar; Fidji Simo; Mark Chen; Jakub Pachocki; Brad Lightcap; Bret Taylor
Ilya Sutskever; Mira Murati; Jony Ive; Kevin Weil; Nick Turley; Dario Amodei; Daniela Amodei; Jared Kaplan
Mike Krieger; Krishna Rao; Jack Clark; Elon Musk; Igor Babuschkin; Linda Yaccarino; Arthur Mensch
Timothée Lacroix; Guillaume Lample; Liang Wenfeng; Yang Zhilin; Zhang Peng; Tang Jie; Kai-Fu Lee
Wang Xiaochuan; Yan Junjie; Zhang Yiming; Liang Rubo; Jack Ma; Joe Tsai; Eddie Wu; Pony Ma; Robin Li; Lei Jun
Ren Zhengfei; Aidan Gomez; Aravind Srinivas; Michael Truell; Scott Wu; Varun Mohan; Clement Delangue
Emad Mostaque; David Holz; Mati Staniszewski; Ali Farhadi; Andrej Karpathy; Noam Shazeer; Daniel Gross
Lukasz Kaiser; Geoffrey Hinton; Yoshua Bengio; Fei-Fei Li; Andrew Ng; Stuart Russell; David Baker
John Hopfield; Brett Adcock
# Investors and policymakers
Masayoshi Son; Yoshimitsu Goto; Marc Andreessen; Ben Horowitz; Vinod Khosla; Reid Hoffman; Peter Thiel
Josh Kushner; Cathie Wood; Warren Buffett; Donald Trump; JD Vance; Howard Lutnick; Scott Bessent; David Sacks
Michael Kratsios; Jerome Powell; Joe Biden; Gina Raimondo; Xi Jinping; Li Qiang; Emmanuel Macron; Keir Starmer
Rishi Sunak; Ursula von der Leyen; Henna Virkkunen; Teresa Ribera; Margrethe Vestager; Thierry Breton
Narendra Modi; Gavin Newsom; Lina Khan; Andrew Ferguson; Mohammed bin Salman; Sheikh Tahnoon; Amit Mehta
Yasir Al-Rumayyan; Lai Ching-te
`);
