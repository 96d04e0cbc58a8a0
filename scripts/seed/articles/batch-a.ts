import type { SeedArticle } from "../types";

export const batchA: SeedArticle[] = [
  {
    slug: "vesna-river-crossing-reopens-after-four-months",
    title: "Vesna river crossing reopens after four months, easing pressure on border towns",
    standfirst:
      "Trucks and commuters moved freely across the Halvik bridge for the first time since spring, though traders on both banks say lost business will take longer to recover.",
    section: "world",
    author: "amara-okafor",
    daysAgo: 0,
    hour: 7,
    tags: ["Trade", "Transport"],
    source: { name: "Gazette reporting" },
    mustRead: true,
    body: `The first vehicle across the Halvik bridge early this morning was a refrigerated lorry carrying apples from the orchards of southern Drevania. Behind it, in a queue that stretched almost two kilometres, were delivery vans, a school minibus and several hundred commuters who had spent the past four months relying on a ferry that runs only twice a day.

The crossing between Drevania and Lantria was closed in the spring after inspectors found corrosion in two of the bridge's support piers. Engineers from both countries agreed on a joint repair plan within weeks, but funding disputes and a shortage of specialist steel delayed the work.

## A slow summer for the river towns

For the towns on either bank, the closure was felt almost immediately. Merrow, on the Lantrian side, depends on day visitors who cross to buy fuel and groceries, which are cheaper than at home. On the Drevanian side, the market town of Oskeby lost much of its weekday trade from Lantrian workers.

> "We did not close, but some weeks it felt like we might as well have," said Ilse Varga, who runs a hardware shop two streets from the bridge in Merrow. "People found other habits. Now we have to win them back."

The local chamber of commerce in Oskeby estimates that retail turnover in the town fell by about a fifth during the closure. Its survey of 140 members found that:

- 38 businesses reduced staff hours over the summer
- 11 closed temporarily for at least two weeks
- 4 have said they will not reopen
- most expect trade to take until the end of the year to return to previous levels

## Repairs and the question of who pays

The repair bill, estimated at 46 million lantri, will be split between the two governments under a formula agreed in late summer. Lantria will cover the cost of the piers on its side of the river's midpoint; Drevania will pay for new expansion joints and the resurfacing of the deck.

Officials on both sides were keen to stress the cooperation rather than the delays. At a short ceremony on the Lantrian bank, the regional transport commissioner, Petra Holm, described the project as "a small example of neighbours fixing something together."

Freight operators were more measured. Hauliers say the diversion through the Kessel crossing, some 90 kilometres to the north, added between two and three hours to each journey and pushed up fuel costs at a time when margins were already thin.

> "We are glad it is open. We would have been gladder in June," said Marek Sobel, operations manager at a mid-sized haulage firm based in Oskeby.

## What happens next

The bridge will initially operate with a weight limit of 38 tonnes while engineers monitor the repaired piers. A full inspection is scheduled for the spring, after which the limit may be raised to its previous level.

Both governments have also agreed to study a second crossing further downstream, an idea that has been discussed for more than twenty years without progress. A joint working group is expected to publish initial findings next year.

For now, the mood in Merrow was one of relief. By mid-morning, the café opposite the bridge had run out of pastries, and its owner had put a handwritten sign in the window: "Welcome back, neighbours."`,
    comments: [
      {
        name: "Marta Kovacs",
        email: "marta.kovacs@example.com",
        body: "Good to see it open again. My brother drives that route and the diversion through Kessel was brutal for him all summer.",
        status: "approved",
        minutesAfter: 45,
        replies: [
          {
            name: "Piet Lemaire",
            email: "p.lemaire@example.net",
            body: "Same for us. Two extra hours each way adds up fast when you are paid by the load.",
            status: "approved",
            minutesAfter: 80,
          },
        ],
      },
      {
        name: "Henrik Dahl",
        email: "henrik.dahl@example.net",
        body: "A 38-tonne limit still rules out a lot of the heavier freight, so I would not call this fully reopened yet.",
        status: "approved",
        minutesAfter: 130,
      },
      {
        name: "Olu Bassey",
        email: "olu.bassey@example.com",
        body: "Any word on whether the ferry will keep running? It was actually handy for cyclists.",
        status: "pending",
        minutesAfter: 240,
      },
    ],
  },
  {
    slug: "eastmere-council-pauses-facial-recognition-trial",
    title: "Eastmere council pauses facial recognition trial after critical data audit",
    standfirst:
      "An independent review found that images from the town centre cameras were kept far longer than promised, prompting councillors to suspend the pilot while safeguards are rewritten.",
    section: "technology",
    author: "daniel-hart",
    daysAgo: 1,
    hour: 15,
    tags: ["Data Privacy", "Artificial Intelligence", "Local Government"],
    source: { name: "Eastmere Information Standards Panel", url: "https://example.org/eastmere/camera-audit" },
    body: `Eastmere Borough Council has suspended a year-long trial of facial recognition cameras in its town centre after an independent audit found that footage was being stored for up to ninety days, rather than the 48 hours promised to residents when the scheme was approved.

The pilot, which used six cameras around the main shopping street and the bus interchange, was intended to help police identify people subject to outstanding warrants. The council's contractor, Brightline Vision Systems, supplied both the cameras and the matching software.

## What the audit found

The review was carried out by the Eastmere Information Standards Panel, a group of volunteers with legal and technical backgrounds that the council set up six years ago to scrutinise its use of data. Its report, published yesterday, identified several problems:

1. Raw images were retained on a backup server for as long as ninety days because of a configuration error that nobody had checked.
2. The public notice signs described a 48-hour retention period that did not match the system's actual settings.
3. The council could not produce records showing how many matches had been reviewed by a person before being passed to police.
4. Access logs for the backup server were incomplete for the first four months of the trial.

The panel said it had found no evidence that the stored images had been misused, but added that "the absence of evidence reflects the absence of records as much as anything else."

> "The technology was not the main problem. The main problem was that nobody owned the boring parts: retention, logging, and checking that the signs told the truth," said Dr Hannah Oduya, who chairs the panel.

## The council's response

Council leader Graham Pell said the suspension would last at least until the new year and that all backed-up images would be deleted under independent supervision within a fortnight.

"We asked for scrutiny and we got it," he told a meeting of the council's scrutiny committee. "I would rather have an uncomfortable report than a comfortable one that was wrong."

Brightline Vision Systems said in a statement that the retention setting had been "configured in line with the initial specification" and that it would work with the council to correct it. The company did not respond to questions about whether other local authorities using its systems had been affected.

## A wider debate

Eastmere is one of a handful of councils that have experimented with live facial recognition in public spaces, and the suspension is likely to be watched closely elsewhere. Supporters argue that the technology can help find missing people and wanted suspects quickly. Critics say its accuracy varies and that the public has little way of knowing how it is used.

Local campaign group Eastmere Open Streets, which has opposed the trial from the start, welcomed the decision but called for it to be made permanent.

> "A pause is a start. But if a town of our size cannot run six cameras properly, we should ask whether it should be running them at all," said the group's spokesperson, Yusuf Adeyemi.

The council has promised a public consultation before any decision is taken on whether to resume the trial. Residents can read the full audit and submit comments through the [panel's website](https://example.org/eastmere/camera-audit).`,
    comments: [
      {
        name: "Rachel Ng",
        email: "rachel.ng@example.com",
        body: "Ninety days instead of 48 hours is not a small mistake. Who was supposed to be checking the contractor's settings?",
        status: "approved",
        minutesAfter: 35,
        replies: [
          {
            name: "Tom Whitaker",
            email: "tom.whitaker@example.net",
            website: "https://example.net/tomwhitaker",
            body: "From the audit it sounds like nobody was, which is exactly the panel's point.\nWorth reading the full report, it is surprisingly readable.",
            status: "approved",
            minutesAfter: 70,
          },
        ],
      },
      {
        name: "Gareth Mills",
        email: "gareth.mills@example.com",
        body: "I am in favour of using this to find wanted people, but only if the rules are actually followed. Pausing it seems sensible.",
        status: "approved",
        minutesAfter: 110,
      },
      {
        name: "Will Harker",
        email: "will.harker@example.net",
        body: "Will there be a public meeting about this, or only the online consultation?",
        status: "pending",
        minutesAfter: 300,
      },
    ],
  },
  {
    slug: "northbridge-assembly-passes-rent-stabilisation-bill",
    title: "Northbridge assembly passes rent stabilisation bill by three votes",
    standfirst:
      "After months of negotiation, the regional assembly approved a cap on annual rent increases for existing tenancies, with landlords warning of reduced supply and tenant groups calling it overdue.",
    section: "politics",
    author: "lukas-brenner",
    daysAgo: 2,
    hour: 10,
    tags: ["Housing", "Local Government", "Elections"],
    source: { name: "Gazette reporting" },
    mustRead: true,
    body: `The Northbridge regional assembly has approved a bill limiting annual rent increases on existing tenancies, ending a debate that has dominated the chamber since the start of the year and split the governing coalition.

The Rent Stabilisation Bill passed by 41 votes to 38 late on the final day of the session, after two amendments designed to win over undecided members were accepted in the afternoon.

## What the bill does

Under the new law, which takes effect in the spring, landlords will be able to raise rents on existing tenancies by no more than inflation plus two percentage points in any twelve-month period, with an overall ceiling of seven percent. The main provisions are:

- the cap applies to tenancies that have been running for at least six months
- newly built homes are exempt for their first ten years on the market
- landlords who carry out major energy efficiency upgrades can apply for a one-off additional increase
- a new rent register, run by the assembly's housing department, will record rents paid across the region

The exemption for new construction was the most contested change. It was added after members of the Centre Alliance, the junior partner in the coalition, said they could not support a measure that might discourage building.

> "We have tried to protect people who already have a home without making it harder for the next family to find one," said housing minister Clara Eisner, who steered the bill through the chamber. "Nobody will get everything they wanted from this. That is usually a sign of a fair compromise."

## Opposition and warnings

The opposition Progress Party voted against the bill as a bloc. Its housing spokesperson, Aurelio Banks, argued that caps in other regions had led some landlords to sell up, reducing the number of homes available to rent.

"Every tenant who stays put benefits. Every tenant who is looking for somewhere new will find the shelves a bit emptier," he told the chamber.

The Northbridge Residential Landlords Association said it would study the final text before deciding whether to mount a legal challenge. Its chair, Simone Achterberg, said many of its members were small landlords with one or two properties who had faced rising mortgage and maintenance costs.

Tenant organisations broadly welcomed the vote, though several said the cap was too high to make a difference for households already struggling.

> "Seven percent is still a lot of money when your wages went up by three," said Jonah Reyes of the Northbridge Renters' Union. "But it is the first time in a generation that there is any ceiling at all, and we will take that."

## The politics of the vote

The narrow margin reflects the strain the issue has placed on the coalition. Two members of the Centre Alliance voted against their own government, and one abstained. With regional elections due in eighteen months, both sides expect housing costs to be a central theme of the campaign.

Analysts at the University of Northbridge note that renters now make up almost 40 percent of households in the region, up from about a quarter two decades ago, making them an increasingly significant group of voters.

The assembly's housing department is expected to publish guidance for landlords and tenants before the law comes into force.`,
    comments: [
      {
        name: "Lena Fischer",
        email: "lena.fischer@example.com",
        body: "Inflation plus two with a seven percent ceiling is hardly radical. Plenty of tenants will still see big rises.",
        status: "approved",
        minutesAfter: 50,
        replies: [
          {
            name: "David Osei",
            email: "d.osei@example.net",
            body: "True, but last year my rent went up 14 percent. I would have taken seven gladly.",
            status: "approved",
            minutesAfter: 95,
          },
          {
            name: "Lena Fischer",
            email: "lena.fischer@example.com",
            body: "Fair point, and sorry to hear it. I just hope the register actually gets enforced.",
            status: "approved",
            minutesAfter: 140,
          },
        ],
      },
      {
        name: "Robert Kane",
        email: "robert.kane@example.com",
        body: "As a landlord with one flat, I am not against a cap, but maintenance costs have nearly doubled. The energy upgrade clause helps a little.",
        status: "approved",
        minutesAfter: 180,
      },
      {
        name: "Sunita Rao",
        email: "sunita.rao@example.com",
        body: "Small correction: the university figure I saw was 38 percent of households renting, not quite 40.\nClose enough for the argument, but worth being precise.",
        status: "approved",
        minutesAfter: 260,
      },
      {
        name: "Mike Durand",
        email: "mike.durand@example.net",
        body: "This will just push landlords to sell. Watch rents for new lets go through the roof.",
        status: "pending",
        minutesAfter: 400,
      },
    ],
  },
  {
    slug: "freight-costs-ease-as-port-avel-clears-container-backlog",
    title: "Freight costs ease as Port Avel clears its container backlog",
    standfirst:
      "Shipping rates through the region's busiest harbour have fallen for a third consecutive month, helped by new night shifts and a long-delayed upgrade to the port's booking system.",
    section: "business",
    author: "sofia-marquez",
    daysAgo: 4,
    hour: 9,
    tags: ["Trade", "Transport", "Labour"],
    source: { name: "Port Avel Harbour Authority", url: "https://example.org/port-avel/monthly-throughput" },
    body: `The cost of moving a standard container through Port Avel has fallen for the third month running, according to figures from the harbour authority, as the port finally works through a backlog that at its peak left more than forty ships waiting at anchor offshore.

The average wait for a berth dropped to just under two days last month, compared with nine days at the start of the summer. Freight forwarders say that spot rates for shipments from the port to inland distribution centres have fallen by roughly 15 percent over the same period.

## How the backlog was cleared

Port managers attribute the improvement to a combination of changes introduced over the summer:

- a third overnight shift at the two main container terminals, agreed with the dockworkers' union in July
- a new online booking system for lorries collecting containers, replacing a phone-and-email process that often left drivers queuing for hours
- temporary use of an old bulk-cargo quay for empty containers, freeing space in the main yard
- a rail shuttle to an inland depot at Harrowgate, which now carries around 300 containers a day

> "None of these things is clever on its own. The trick was doing all of them at once and sticking with it," said Ines Caldwell, the port's director of operations.

## Workers and wages

The extra overnight shift required a new agreement with the Port and Harbour Workers' Union, which had previously resisted expanding night work. The deal includes a night premium of 30 percent, a guarantee that night shifts will be voluntary for workers over 55, and a commitment to hire around 120 additional staff by the end of the year.

Union branch secretary Tomasz Wielgosz said members had accepted the deal because it came with new jobs rather than longer hours for existing staff. "We said from the start that we would help fix the backlog, but not by running people into the ground," he said.

## Effects further down the chain

Importers across the region have started to notice the change. Harlan Home Goods, a furniture retailer with 22 stores, said it had been able to cut the stock it holds in reserve because deliveries were arriving more predictably.

> "Last winter we were ordering three months ahead and hoping for the best. Now we are back to about six weeks," said Rosa Lindgren, the company's supply chain manager. "That frees up cash and warehouse space we badly needed."

Economists caution that lower freight costs take time to feed into shop prices, and that part of the improvement reflects weaker demand rather than better performance. Container volumes through the port are about 6 percent lower than a year ago, as households cut back on larger purchases.

## Risks ahead

The harbour authority warned that winter storms, which regularly close the port for a day or two at a time, could rebuild part of the queue. It is also still waiting for approval from the regional government to dredge the main channel, which would allow larger vessels to call without waiting for high tide.

Monthly figures are published on the [harbour authority's website](https://example.org/port-avel/monthly-throughput). The authority expects to report on the dredging application early next year.`,
  },
  {
    slug: "seagrass-meadows-off-caldera-bay-recovering-faster-than-expected",
    title: "Seagrass meadows off Caldera Bay are recovering faster than expected",
    standfirst:
      "A five-year survey by marine ecologists found that replanted seagrass now covers nearly twice the area predicted, offering cautious hope for coastal restoration projects elsewhere.",
    section: "science",
    author: "mei-lin-chen",
    daysAgo: 6,
    hour: 13,
    tags: ["Oceans", "Climate"],
    source: { name: "Caldera Marine Institute", url: "https://example.org/caldera-marine/seagrass-survey" },
    mustRead: true,
    body: `Seagrass meadows replanted off the coast of Caldera Bay have spread much faster than scientists expected, according to a five-year survey published this week by the Caldera Marine Institute.

The meadows, which had almost disappeared from the bay by the early 2000s after decades of dredging, boat anchoring and nutrient run-off, now cover around 180 hectares. The project's original models had predicted about 95 hectares by this stage.

## Why seagrass matters

Seagrass is a flowering plant that grows in shallow coastal waters. Healthy meadows provide several services that are hard to replace:

- they shelter young fish and shellfish, including several commercially important species
- their roots stabilise sediment and reduce coastal erosion
- they store carbon in the seabed, in some cases more per hectare than land forests
- they filter water, improving clarity for other marine life

The Caldera project began with volunteers collecting seeds by hand from surviving patches further along the coast. The seeds were stored over the winter and then scattered from small boats over carefully chosen plots the following autumn.

> "For the first two years, we honestly were not sure it was working. You look at bare sand and hope," said Dr Anika Rahman, the ecologist who leads the monitoring programme. "Then in the third year the plots started joining up, and the whole picture changed."

## What drove the recovery

The survey team used a combination of drone imagery, diver transects and sediment cores to measure both the extent of the meadows and their density. They identified three factors that appear to explain the faster-than-expected spread.

First, water quality in the bay improved sharply after a new treatment plant upstream came into operation, reducing the nutrients that feed algae and block sunlight. Second, a voluntary no-anchoring zone, marked with buoys and supported by local sailing clubs, was widely respected. Third, the meadows seem to have reached a threshold at which they begin to improve their own conditions, trapping sediment and calming the water around them.

That last finding is the most interesting scientifically, and the most uncertain. Dr Rahman cautioned that the team's sample of plots was relatively small and that similar feedback effects had been reported at some restoration sites but not at others.

## Cautions and next steps

The researchers stress that the meadows remain fragile. A single summer marine heatwave could cause significant die-off, as has happened in other parts of the world. Seagrass is also sensitive to sudden changes in water clarity, such as those caused by storms or coastal construction.

> "This is good news, but it is not a finished story. Restoration is a commitment of decades, not a ribbon-cutting," said Professor Luis Abernethy, director of the institute, who was not directly involved in the fieldwork.

The institute plans to extend the replanting to a neighbouring inlet next year and has published its methods openly so that other coastal communities can adapt them. The full survey data are available on the [institute's website](https://example.org/caldera-marine/seagrass-survey).

Local fishers have also noticed changes. Several told the survey team they were seeing more juvenile bream in the shallows than at any time they could remember, though the institute says more systematic counts will be needed before drawing firm conclusions.`,
    comments: [
      {
        name: "Ellen Marsh",
        email: "ellen.marsh@example.com",
        body: "I volunteered on the seed collection in the second year. Wonderful to see the plots joining up after all that work.",
        status: "approved",
        minutesAfter: 60,
        replies: [
          {
            name: "Jon Petrakis",
            email: "jon.petrakis@example.net",
            body: "Thank you for doing that. Do you know if the institute is still looking for volunteers for the new inlet?",
            status: "approved",
            minutesAfter: 120,
          },
        ],
      },
      {
        name: "Carlos Mendes",
        email: "carlos.mendes@example.com",
        body: "Good that they are honest about the heatwave risk. Too many restoration stories skip that part.",
        status: "approved",
        minutesAfter: 200,
      },
      {
        name: "Fatima Haddad",
        email: "fatima.haddad@example.net",
        website: "https://example.net/fatima-dives",
        body: "Dived there last month and the difference from five years ago is remarkable. Lots of small fish sheltering in the meadows.",
        status: "approved",
        minutesAfter: 330,
      },
    ],
  },
  {
    slug: "solvara-and-veskar-sign-water-sharing-accord-for-tarn-basin",
    title: "Solvara and Veskar sign water-sharing accord for the Tarn basin",
    standfirst:
      "The two neighbours agreed to share data on river flows and coordinate releases from upstream dams, ending a decade of disputes that had strained relations and worried farmers downstream.",
    section: "world",
    author: "amara-okafor",
    daysAgo: 8,
    hour: 18,
    tags: ["Climate", "Energy"],
    body: `The governments of Solvara and Veskar have signed an agreement on sharing the waters of the Tarn river, bringing to an end more than ten years of intermittent disputes over dams, irrigation and drought.

The accord, signed in the Veskari border city of Ambrel after eighteen months of talks, commits both countries to exchanging real-time data on river levels and to consulting each other before changing the rate at which water is released from the three large hydroelectric dams on the upper Tarn, all of which are in Solvara.

## A river with two sets of needs

The Tarn rises in the Solvaran highlands and flows for nearly 600 kilometres before reaching the sea in Veskar. Upstream, the river powers dams that generate around a third of Solvara's electricity. Downstream, it irrigates the wide plains that supply most of Veskar's wheat and vegetables.

Those needs have often clashed. In dry years, Solvara has tended to hold back water to keep its reservoirs high for winter power generation, while Veskari farmers have watched their irrigation channels run low in the growing season.

> "Everyone on this river believed they were being reasonable, and everyone believed the other side was not," said Mariam Tesfaye, a hydrologist at the Ambrel Institute of Water Studies who advised the Veskari delegation. "The agreement does not change the amount of water. It changes how much each side knows about it."

## What is in the agreement

The text of the accord is relatively short. Its main commitments are:

1. A joint monitoring network of 24 river gauges, with data published openly every hour.
2. A minimum flow at the border during the summer months, calculated each spring from snowpack measurements.
3. Thirty days' notice before any planned change to dam operations that would reduce downstream flow by more than ten percent.
4. A standing commission, with equal membership, to resolve disputes before they reach ministers.

Veskar, for its part, has agreed to invest in more efficient irrigation, including lining canals that currently lose a significant share of their water to seepage, and to share the cost of the monitoring network.

## Drought and a changing climate

Both governments acknowledged that a warming climate had made the agreement more urgent. Snowfall in the Tarn highlands has become less reliable over the past two decades, and the three worst drought years on record have all occurred since 2010.

Solvara's energy minister, Rafael Dumont, said the country was diversifying its electricity supply with solar and wind projects precisely so that it would depend less on holding water behind the dams in dry summers.

> "We cannot keep asking a single river to do everything. The accord buys us time to build a system that is less fragile," he said at the signing ceremony.

## Reactions on the ground

In the Veskari farming town of Lessa, the reaction was cautiously positive. Farmers' representatives said the minimum-flow guarantee was the most important element, but that it would only be meaningful if it was honoured in a genuinely dry year.

"Paper agreements are easy in a wet spring," said Omar Bellali, who grows tomatoes and onions on a family farm near the river. "Ask me again in August."

The new commission is expected to hold its first meeting within three months.`,
  },
  {
    slug: "kestrel-valley-rovers-reach-cup-semi-final-with-stoppage-time-comeback",
    title: "Kestrel Valley Rovers reach cup semi-final with stoppage-time comeback",
    standfirst:
      "Two goals in the final six minutes sent the part-time club past Harborne City and into the last four of the national cup for the first time in its 104-year history.",
    section: "sport",
    author: "tomas-novak",
    daysAgo: 10,
    hour: 21,
    tags: ["Football", "Local Government"],
    source: { name: "Gazette reporting" },
    body: `For eighty-four minutes, it looked as though Kestrel Valley Rovers' cup run would end the way these stories usually do: with a brave performance, a narrow defeat and a standing ovation for the losers.

Instead, the part-time side scored twice in the closing stages to beat second-tier Harborne City 2-1 at a packed Millbrook Lane, and will play in the semi-finals of the national cup for the first time since the club was founded by mill workers in 1921.

## How the match unfolded

Harborne, who sit three divisions above Rovers, controlled much of the first half and took the lead shortly before the break when their captain, Olusegun Barre, headed in a corner at the near post.

Rovers improved after the interval, pressing higher and winning more second balls, but they created little until manager Katrin Sorensen made a double substitution with fifteen minutes remaining. One of the players she brought on, 19-year-old winger Elias Mworia, changed the game.

The key moments:

- 86 minutes: Mworia beat two defenders on the left and crossed for striker Ben Ashdown, who scored from close range to level the match
- 90+2 minutes: Harborne hit the crossbar from a free kick
- 90+4 minutes: Mworia won a corner, and centre-back Liam Okonjo met it with a header that went in off the post

> "I honestly do not remember the header. I remember the noise, and then half the team on top of me," said Okonjo, who works as an electrician during the week.

## A club built on volunteers

Rovers play in the fifth tier and have a budget that would barely cover one week of wages at some top-flight clubs. Most of the squad hold other jobs, training takes place on two weekday evenings, and the ground is run largely by volunteers who sell programmes, cook food and repaint the stands each summer.

Sorensen, a former schoolteacher who has managed the club for six seasons, paid tribute to the people behind the scenes.

> "This town has carried this club through some very lean years. Tonight was for the people who kept the lights on when there were two hundred of us in the ground," she said.

The attendance was recorded as 3,850, the ground's limit. Hundreds more watched on a screen set up in the car park of the community centre across the road.

## Money, and a stand that needs fixing

The cup run has already brought in more than the club's usual annual income from television fees and gate receipts. The chairman, Howard Nkemelu, said the money would go first towards repairing the roof of the main stand, which has been partly closed since a storm last winter.

The Kestrel Valley district council has also offered to bring forward a planned grant for new floodlights so that the ground can meet the standards required to host a semi-final, should Rovers be drawn at home. Council officers said a decision would be made at next week's cabinet meeting.

The semi-final draw takes place this weekend. Whatever the outcome, the club has already arranged an open training session for local schools, and says every child who attends will receive a ticket to the next home league match.`,
    comments: [
      {
        name: "Gary Lund",
        email: "gary.lund@example.com",
        body: "Was there. Best night at Millbrook Lane in forty years of going. Okonjo deserves a free pint in every pub in town.",
        status: "approved",
        minutesAfter: 20,
        replies: [
          {
            name: "Sam Achebe",
            email: "sam.achebe@example.net",
            body: "He is getting several, I can confirm.",
            status: "approved",
            minutesAfter: 55,
          },
        ],
      },
      {
        name: "Priya Shah",
        email: "priya.shah@example.com",
        body: "Lovely to read about the volunteers for once. Hope the council sorts the floodlights quickly.",
        status: "approved",
        minutesAfter: 240,
      },
      {
        name: "Luxury Time Deals",
        email: "bestwatches4u@example.net",
        website: "https://example.net/cheap-watches",
        body: "Great article!!! Buy designer watches at 90% OFF, free shipping worldwide, limited stock. Visit https://example.net/cheap-watches today!!!",
        status: "pending",
        minutesAfter: 500,
      },
    ],
  },
  {
    slug: "halden-university-releases-open-translation-model-for-regional-languages",
    title: "Halden university releases open translation model for regional languages",
    standfirst:
      "Researchers say their freely available system handles four minority languages better than commercial tools, and public broadcasters are already testing it for subtitles and archive work.",
    section: "technology",
    author: "daniel-hart",
    daysAgo: 12,
    hour: 11,
    tags: ["Artificial Intelligence", "Education", "Startups"],
    source: { name: "Halden University Language Technology Lab", url: "https://example.org/halden-lt/model-release" },
    body: `A research group at Halden University has released a machine translation model designed specifically for four regional languages that are poorly served by commercial tools, and published it under an open licence that allows anyone to use and adapt it.

The model, named Kvist, translates between the national language and Osk, Varrish, Lower Tenn and the Skerry dialects spoken on the northern islands. Together, those languages have around 1.2 million speakers, many of them elderly.

## Built with communities, not just data

The biggest challenge for languages like these is not computing power but text. Large translation systems are trained on enormous collections of documents, and there is simply not much written Osk or Varrish available online.

The Halden team spent two years gathering material in partnership with local associations. Sources included:

- transcribed radio interviews from regional stations, with the speakers' permission
- parish newsletters and local council notices going back several decades
- children's books translated by volunteer teachers
- recordings of storytelling evenings, transcribed by students

> "We decided early that we would not scrape anything. Every piece of text came from someone who agreed to share it and knows what it is being used for," said Professor Ingrid Saele, who leads the university's language technology lab. "That is slower, but it means the communities own part of this."

## How well does it work

In tests published with the release, the team compared Kvist with two widely used commercial translation services on a set of sentences that had been translated by professional translators. Kvist scored notably higher for all four regional languages, particularly for everyday speech and idioms.

The researchers are careful about the limits. The model is weaker on technical and legal text, it sometimes mixes dialect forms, and its performance on Lower Tenn, which had the smallest amount of training material, is described in the paper as "usable with review, not unsupervised."

## Broadcasters and start-ups take note

Two public broadcasters are testing the model. North Coast Radio is using it to draft subtitles for archive programmes in Skerry dialect, which are then checked by a small team of native speakers. The national broadcaster is trialling it to make its regional news website searchable in all four languages.

Several small companies have also expressed interest. Tallow Labs, a three-person start-up in Halden, is building a keyboard app that suggests corrections for people writing in Varrish.

> "For a company our size, building a model like this from scratch would be impossible. An open release means we can build something useful on top of it instead," said co-founder Petra Lunde.

## Questions of funding and upkeep

The project was funded by a four-year research grant that ends next summer. Professor Saele said the lab was seeking support to keep the model maintained and to add more languages, but acknowledged that long-term funding for open tools of this kind was difficult to secure.

Language advocates also want assurances that the communities who supplied the text will continue to have a say in how it is used. The university has set up an advisory board with representatives from each language group, which will review requests to use the training data for other projects.

The model, documentation and evaluation results are available from the [lab's release page](https://example.org/halden-lt/model-release).`,
  },
  {
    slug: "regional-election-campaign-opens-with-row-over-rural-bus-routes",
    title: "Regional election campaign opens with a row over rural bus routes",
    standfirst:
      "Plans to cut or merge more than thirty village bus services have become the first flashpoint of the campaign, with candidates from every party promising to protect rural transport.",
    section: "politics",
    author: "lukas-brenner",
    daysAgo: 14,
    hour: 8,
    tags: ["Elections", "Transport", "Local Government"],
    source: { name: "Gazette reporting" },
    body: `The campaign for next spring's Westmarch provincial elections began in earnest this week, and the issue dominating the first days was not taxes or hospitals but a bus timetable.

A consultation document published by the provincial transport authority proposes cutting or merging 34 bus routes that serve villages in the north and west of the province. The authority says the routes carry too few passengers to justify their cost, which has risen sharply along with fuel prices and driver wages.

## What is being proposed

The document sets out three main changes:

1. Fourteen routes would be withdrawn entirely and replaced with an on-demand minibus service booked by phone or app.
2. Twelve routes would be merged into longer circular services running every two hours instead of hourly.
3. Eight routes would keep their current daytime frequency but lose evening and Sunday services.

The authority estimates the changes would save around 9 million crowns a year, money it says would be reinvested in more frequent services on the busiest corridors between the main towns.

## Candidates rush to the villages

Within a day of the document's publication, candidates from all four major parties had arranged campaign stops at bus shelters. Several posted photographs of themselves waiting for services that arrived late, or not at all.

The governing Westmarch People's Party, which controls the provincial executive, has distanced itself from the proposals, describing them as an officials' document that ministers had not yet approved.

> "No decision has been taken, and no decision will be taken that leaves older people stranded," said the provincial transport minister, Henrik Osterberg. "We will listen to every response."

Opposition parties were unconvinced. The Green Alliance's lead candidate, Nadia Farrukh, said the consultation showed where the government's priorities lay.

"If you live in a village and do not drive, the bus is your doctor's appointment, your job and your shopping," she said. "Replacing it with an app is not a plan."

## The numbers behind the row

Figures in the consultation suggest that average occupancy on the affected routes is about six passengers per journey, and on some evening services fewer than two. Supporters of the changes say on-demand services have worked well in other regions, where they can be cheaper per passenger and more flexible.

Critics point out that on-demand schemes elsewhere have struggled with reliability and that many older residents are reluctant to use apps. A survey by the Westmarch Rural Communities Network found that around 40 percent of regular village bus users were over 70.

> "We are not against change. We are against a change designed in an office by people who will never need to use it," said Greta Holloway, the network's coordinator.

## What comes next

The consultation remains open for another six weeks, which means it will close shortly before voters go to the polls. Whatever the authority recommends, the final decision will fall to the next provincial government.

That timing has given the issue unusual prominence. Rural constituencies make up a third of the seats in the provincial assembly, and at the last election several of them were decided by a few hundred votes.`,
    comments: [
      {
        name: "Margaret Olsen",
        email: "m.olsen@example.com",
        body: "My mother is 82 and cannot use an app. The evening bus is the only way she gets home after visiting us.",
        status: "approved",
        minutesAfter: 40,
      },
      {
        name: "Nils Berg",
        email: "nils.berg@example.net",
        body: "Six passengers per journey is a lot of public money per person. I understand why the authority is looking at this, even if the timing is awful.",
        status: "approved",
        minutesAfter: 90,
        replies: [
          {
            name: "Margaret Olsen",
            email: "m.olsen@example.com",
            body: "It is a lot of money, but so is an ambulance call because someone could not get to the doctor.",
            status: "approved",
            minutesAfter: 150,
          },
        ],
      },
      {
        name: "Kwame Asante",
        email: "kwame.asante@example.com",
        body: "Does anyone know which fourteen routes would be withdrawn? The link to the consultation document on the authority's site seems to be broken.",
        status: "pending",
        minutesAfter: 360,
      },
    ],
  },
  {
    slug: "marrowfield-bakery-cooperative-expands-four-day-week",
    title: "Marrowfield bakery cooperative expands as members back a four-day week",
    standfirst:
      "Worker-owned Harvest Loaf Cooperative is opening a second site and hiring fifteen people after its members voted to shorten the working week without cutting pay.",
    section: "business",
    author: "sofia-marquez",
    daysAgo: 16,
    hour: 14,
    tags: ["Labour", "Startups"],
    source: { name: "Gazette reporting" },
    body: `A worker-owned bakery in Marrowfield is opening a second site and hiring fifteen new staff, weeks after its members voted to move to a four-day working week with no reduction in pay.

Harvest Loaf Cooperative, which began in a rented railway arch nine years ago with five founding members, now supplies bread and pastries to around sixty cafés, shops and school kitchens across the district. Its new premises, a former print works on the edge of town, will roughly triple its baking capacity.

## How the cooperative works

Every permanent employee becomes a member after a probation period of one year, with an equal vote on major decisions. Pay differences are limited: the highest-paid role earns no more than twice the lowest. Profits, after reinvestment, are shared between members each spring.

The decision to move to a four-day week followed a six-month trial in which bakers, drivers and office staff worked 32 hours instead of 38. During the trial, the cooperative tracked several measures:

- output per hour rose by around 9 percent
- sick days fell by almost half compared with the same period a year earlier
- two members who had planned to leave for less physically demanding work decided to stay
- customer complaints about late deliveries did not increase

> "Baking is hard on the body. Early starts, heat, heavy trays. When people have a proper rest, they make fewer mistakes and they stay longer," said Dolores Amankwah, one of the founding members and now the cooperative's production lead.

## Not a painless change

The move was not unanimous. About a fifth of members voted against, mainly out of concern that the cooperative could not afford to hire enough extra people to cover the same opening hours.

Those concerns are part of the reason for the expansion. The new site will allow the cooperative to run two overlapping shifts, and members expect that higher volumes will help cover the cost of the extra staff.

> "I voted no, and I still think the numbers are tight," said delivery driver Callum Reid. "But the decision was made properly, and now my job is to help it work."

## Financing the new site

Expanding a cooperative brings particular challenges. Because members cannot sell shares to outside investors, the business relied on a mix of sources for the roughly 1.4 million crowns it needed:

1. A loan from a regional community development bank.
2. Retained profits from the past three years.
3. A community share offer, in which 410 local residents and customers invested between 100 and 5,000 crowns each in return for a modest annual interest payment.

The community share offer closed early after reaching its target in under three weeks.

## A model that others are watching

Business advisers in the region say interest in worker ownership has grown, particularly among owners of small firms who are approaching retirement and want to keep their businesses local. The Marrowfield Enterprise Hub now runs a quarterly workshop on converting existing companies into cooperatives, and says its last three sessions were fully booked.

Harvest Loaf expects to begin baking at the new site early next year.`,
    comments: [
      {
        name: "Hannah Brook",
        email: "hannah.brook@example.com",
        body: "Their sourdough is excellent, and now I know why the staff always seem so cheerful.",
        status: "approved",
        minutesAfter: 75,
      },
      {
        name: "Victor Allard",
        email: "victor.allard@example.net",
        body: "Interesting that output per hour went up. I would like to see the figures after a full year rather than a six-month trial, though.",
        status: "approved",
        minutesAfter: 160,
      },
      {
        name: "Ian Crowther",
        email: "ian.crowther@example.com",
        body: "How does one take part in the community share offer next time? Is there a mailing list?",
        status: "pending",
        minutesAfter: 420,
      },
    ],
  },
  {
    slug: "lindqvist-film-festival-marks-25-years-with-restored-silent-classics",
    title: "Lindqvist film festival marks 25 years with restored silent classics",
    standfirst:
      "The small lakeside festival celebrated its anniversary with live-scored screenings of three rediscovered silent films and a programme that drew record audiences from across the region.",
    section: "culture",
    author: "tomas-novak",
    daysAgo: 18,
    hour: 19,
    tags: ["Film", "Education"],
    source: { name: "Gazette reporting" },
    body: `When the Lindqvist Film Festival began, its founders borrowed a projector from the local school, hung a bedsheet in the parish hall, and sold 140 tickets over a long weekend. This year, for its 25th edition, the festival filled four venues around the lakeside town and sold more than 11,000 tickets.

The centrepiece of the anniversary programme was a series of three silent films from the 1920s, restored over the past two years by the National Film Archive from nitrate prints found beneath a former cinema in the nearby town of Aldervik.

## The films under the floor

The prints were discovered when a builder renovating the old Regent cinema found several rusted canisters under the floorboards of the projection room. Archivists say they were probably hidden there by a projectionist, perhaps to protect them during a period when nitrate film was routinely destroyed because of its fire risk.

Three of the films turned out to be complete or nearly complete:

- The Ferryman's Daughter, a melodrama set on the lake itself and filmed partly in Lindqvist
- Winter Harvest, a documentary about fishing communities on the northern coast
- The Clockmaker's Wager, a comedy that film historians had previously known only from newspaper reviews

> "You open a can that has not been opened for eighty years, and you have no idea whether you will find a film or a lump of dust," said Miriam Achterhof, the archive's head of restoration. "This time we were very lucky."

## Live music, full houses

Each restored film was screened with a new score performed live by musicians from the Lindqvist Music School and a visiting chamber ensemble. The screening of The Ferryman's Daughter, held in a marquee on the lakeshore, drew an audience of 900 and a standing ovation that lasted several minutes.

Several people in the audience recognised locations in the film, including the old ferry landing and the church tower, which was rebuilt after a fire in the 1950s.

> "My grandmother used to talk about a film crew coming to the village when she was a girl. I never quite believed her until tonight," said Lotte Berndsen, who travelled from the capital to attend.

## Growing without losing its character

The festival director, Arvid Makela, said one of the main challenges was growing without losing the informal atmosphere that made the festival popular in the first place. Tickets remain cheaper than at most comparable events, and the festival still relies heavily on volunteers.

Its education programme has also grown. This year, more than 600 school pupils took part in workshops on film-making, sound design and restoration, and a group of teenagers from the town's secondary school screened a short documentary about the festival's own history.

Alongside the silent films, the programme included around 70 new features and shorts, with a strong focus on first-time directors. The audience award went to Two Kettles, a quiet drama about two sisters running a roadside café, made on a very small budget by director Hanna Vossberg.

## What comes next

The restored films will tour regional cinemas next year, and the National Film Archive plans to make them available online once the tour has ended. The festival has already announced the dates of its next edition and says it will keep the lakeshore marquee, which proved the most popular venue of the weekend.`,
    comments: [
      {
        name: "Ingrid Paulsen",
        email: "ingrid.p@example.com",
        body: "The Ferryman's Daughter screening in the marquee was magical. The live score made it.",
        status: "approved",
        minutesAfter: 100,
        replies: [
          {
            name: "Oscar Lind",
            email: "oscar.lind@example.net",
            body: "Agreed. I did not expect to be moved by a hundred-year-old melodrama, but here we are.",
            status: "approved",
            minutesAfter: 170,
          },
        ],
      },
      {
        name: "Beth Carrow",
        email: "beth.carrow@example.com",
        body: "Will the tour include smaller towns, or just the big cinemas?\nAldervik would be the obvious place to start.",
        status: "approved",
        minutesAfter: 260,
      },
    ],
  },
  {
    slug: "coastal-villages-in-orvane-begin-moving-inland-as-sea-defences-fail",
    title: "Coastal villages in Orvane begin moving inland as sea defences fail",
    standfirst:
      "In the island nation's low-lying south, three communities have started relocating homes, schools and a clinic to higher ground under a government programme that residents describe as painful but unavoidable.",
    section: "world",
    author: "amara-okafor",
    daysAgo: 20,
    hour: 6,
    tags: ["Climate", "Housing", "Oceans"],
    body: `On the southern coast of Orvane, the concrete sea wall that protected the village of Tessaly for forty years now ends abruptly in a pile of broken blocks. Beyond it, at high tide, the sea reaches the edge of what used to be the football pitch.

Tessaly is one of three villages taking part in the first phase of Orvane's Managed Retreat Programme, under which the government is helping communities move homes and public buildings to higher ground a few kilometres inland. Around 1,300 people are expected to relocate over the next six years.

## Why the walls are no longer enough

Orvane's southern coast is low and sandy, and has always been exposed to storms. But the combination of rising sea levels and more intense storms has made the old defences increasingly difficult to maintain. Government engineers estimate that rebuilding the walls to withstand the conditions expected by mid-century would cost several times more than moving the villages.

> "We spent years patching the wall after every winter. At some point you have to admit the sea is winning," said Ruth Kamakea, who chairs the Tessaly village council.

## How the programme works

The programme was designed after two years of meetings in the affected villages, and residents say that consultation made a difference. Its main elements are:

- each household receives a plot of land inland and a grant towards a new home, with a choice of several standard designs or the option to build their own
- the school, clinic and church are rebuilt first, so that community life moves before most families do
- fishing families are guaranteed continued access to the shore, with a new harbour road and boat storage
- old homes can be kept as seasonal or working buildings until they become unsafe

The new school in the inland settlement, already built and in use, sits on a ridge looking out over the water. Teachers say pupils were initially reluctant to move but now compete to sit by the windows.

## Not everyone wants to go

For older residents in particular, the move is difficult. Many were born in the houses they are now being asked to leave, and family graves lie in the churchyard near the shore.

> "My father built this house with his brothers. I know every crack in it," said Ephraim Tola, 78, a retired fisherman. "I understand why we have to go. That does not mean I have to like it."

The government has said it will not force anyone to leave, but that public services will gradually move inland and that insurance and maintenance support for homes in the most exposed areas will end within a decade.

## A model for others?

Orvane's programme has attracted interest from other coastal countries facing similar decisions. Officials from at least four governments have visited Tessaly over the past year, and the country's environment ministry hosts a regular exchange with planners from abroad.

Researchers who study relocation caution that success depends heavily on trust and time. Where moves have been rushed or imposed, communities have often fractured, and people have drifted to cities rather than settling in the new sites.

In Tessaly, the first families are expected to move into their new homes before the next storm season. The old football pitch, meanwhile, has been handed back to the sea. A new one, on the ridge, is being marked out this month.`,
    comments: [
      {
        name: "Aisha Karim",
        email: "aisha.karim@example.com",
        body: "Building the school and clinic first is such a sensible idea. Other places facing this should copy it.",
        status: "approved",
        minutesAfter: 90,
      },
      {
        name: "Leo Farrant",
        email: "leo.farrant@example.net",
        body: "That quote from Mr Tola stayed with me. I hope the programme lets people keep some connection to the old village.",
        status: "approved",
        minutesAfter: 210,
      },
    ],
  },
  {
    slug: "cooler-classrooms-linked-to-better-test-scores-in-school-study",
    title: "Cooler classrooms linked to better test scores in long-running school study",
    standfirst:
      "Researchers tracking more than 40,000 pupils over eight years found that exam results dipped noticeably on hot days in schools without shading or ventilation upgrades.",
    section: "science",
    author: "mei-lin-chen",
    daysAgo: 22,
    hour: 16,
    tags: ["Health", "Education", "Climate"],
    source: { name: "Northbridge Institute of Public Health", url: "https://example.org/nbiph/classroom-heat-study" },
    body: `Pupils sitting tests in hot classrooms perform measurably worse than those in cooler rooms, according to an eight-year study of schools in the Northbridge region, and the effect appears largest in older buildings without shading or modern ventilation.

The study, carried out by the Northbridge Institute of Public Health, combined temperature readings from sensors installed in 212 schools with the results of routine assessments taken by more than 40,000 pupils between the ages of nine and sixteen.

## What the researchers found

On days when classroom temperatures exceeded 28 degrees, average test scores were lower than on days between 20 and 24 degrees, even after the researchers accounted for differences between pupils, schools and the time of year. The main findings were:

- the drop in scores became noticeable above about 26 degrees and grew steadily with each additional degree
- the effect was roughly twice as large in schools built before 1980 as in newer buildings
- in schools that installed external shading or mechanical ventilation during the study, the effect shrank substantially
- there was no clear difference between boys and girls, but younger pupils appeared slightly more affected

> "None of this will surprise a teacher who has tried to hold a class's attention on a hot afternoon in June. What the data does is put a number on it, and show that relatively modest building changes help," said Dr Farida Olsen, the study's lead author.

## Why heat affects learning

The study was not designed to explain the mechanism, but the authors point to previous research showing that heat affects concentration, working memory and sleep. Children who sleep poorly during warm nights may arrive at school already tired, compounding the effect of a hot classroom.

The researchers also note that heat exposure is not evenly distributed. Schools in the region's older, denser urban areas were more likely to have overheating classrooms, and those schools also serve a higher proportion of pupils from low-income households.

## Limits of the study

The authors are careful to note several limitations. The sensors measured air temperature but not humidity, which also affects comfort. The study could not account for every change in teaching or staffing over eight years. And routine assessments are only one measure of learning.

Independent researchers who reviewed the paper described it as careful and unusually large for a study of its kind.

> "The strength here is the scale and the direct temperature measurements. Most earlier work relied on outdoor weather data, which tells you very little about what is happening inside a particular classroom," said Professor Gideon Marsh, an environmental epidemiologist at Eastmere University who was not involved in the research.

## What schools can do

The report includes recommendations for school leaders and regional authorities, ranked by cost:

1. Schedule important assessments for mornings during warm periods.
2. Install external blinds or shading on south- and west-facing windows.
3. Improve cross-ventilation, including windows that can be opened safely.
4. Prioritise older school buildings in maintenance and renovation budgets.

The regional education department said it welcomed the findings and would consider them as part of its school buildings review, due next year. The full report is available from the [institute](https://example.org/nbiph/classroom-heat-study).`,
    comments: [
      {
        name: "Claire Dunmore",
        email: "claire.dunmore@example.com",
        body: "Teacher here. Our portable classrooms regularly hit 30 degrees in June. Nice to finally have some evidence to show the governors.",
        status: "approved",
        minutesAfter: 45,
        replies: [
          {
            name: "Raj Patel",
            email: "raj.patel@example.net",
            body: "Same at our school. We moved exams to the mornings last year and it did seem to help.",
            status: "approved",
            minutesAfter: 110,
          },
        ],
      },
      {
        name: "Henry Aldous",
        email: "henry.aldous@example.com",
        website: "https://example.net/henry-aldous",
        body: "Correlation is not causation, of course. But the comparison with schools that installed shading during the study is fairly convincing.",
        status: "approved",
        minutesAfter: 190,
      },
    ],
  },
  {
    slug: "home-batteries-act-as-virtual-power-plant-during-cold-snap",
    title: "Home batteries act as a virtual power plant during Northbridge cold snap",
    standfirst:
      "Around 8,000 household batteries were coordinated by software to supply the grid during an evening demand peak, in the largest test yet of the idea in the region.",
    section: "technology",
    author: "daniel-hart",
    daysAgo: 24,
    hour: 12,
    tags: ["Energy", "Startups", "Climate"],
    source: { name: "Gazette reporting" },
    body: `When temperatures across the Northbridge region dropped well below freezing this month, electricity demand climbed towards its highest level of the year. For about two hours on the coldest evening, part of that demand was met not by a power station but by thousands of batteries sitting in garages and utility cupboards.

The grid operator, Northbridge Power Networks, said that around 8,000 household batteries, coordinated by software from the local company Gridfold, delivered a combined output of about 22 megawatts during the evening peak. That is roughly the output of a small gas-fired plant.

## How a virtual power plant works

A virtual power plant is a collection of small energy devices, such as home batteries, electric vehicle chargers and heat pumps, that are controlled together so they can act like a single larger power source. In this case:

- households with solar panels and batteries signed up to the scheme in advance and agreed limits on how much of their battery could be used
- Gridfold's software forecast which batteries would be charged and available on the evening in question
- when the grid operator requested support, the software instructed batteries to discharge into homes and, where possible, into the grid
- participants were paid per kilowatt-hour supplied, at a rate agreed in advance

> "Individually, each of these batteries is tiny. Together, and coordinated within seconds, they behave like a power station that happens to be spread across eight thousand addresses," said Naomi Fairweather, Gridfold's chief technology officer.

## What the test showed

The operator said the batteries responded as expected, with more than 95 percent of enrolled devices following instructions within a minute. Output held steady for the two-hour window, and households were left with at least a fifth of their stored energy, as promised in the scheme's terms.

Participants received an average payment of just over six crowns for the evening, a modest sum that the company says will add up over a winter with several peak events.

Not everything went smoothly. Around 300 batteries failed to respond because of connectivity problems, and a small number of customers reported that their in-home displays showed confusing messages during the event.

## Questions about scale and fairness

Energy analysts say virtual power plants could reduce the need to keep older fossil-fuel plants on standby for rare peak periods, lowering both costs and emissions. But they also raise questions.

Batteries are expensive, and the households that own them tend to be wealthier. Some consumer groups worry that payments for grid services will flow mainly to those who can already afford solar panels, while the costs of running the grid are spread across everyone.

> "This is clever engineering, and we should use it. But we need to be honest about who gets paid and who pays," said Hamid Rostami of the Northbridge Energy Consumers Forum.

There are also questions about data. Coordinating batteries requires detailed information about when households use energy, and Gridfold has published a privacy policy committing not to sell that data or share it beyond the grid operator.

## Next steps

Northbridge Power Networks plans to run further tests over the winter and says it hopes to include electric vehicles and heat pumps in future events. Gridfold, which employs 45 people, is in talks with two other regional grid operators about similar schemes.`,
  },
  {
    slug: "health-committee-questions-how-hospital-waiting-lists-are-counted",
    title: "Health committee questions how hospital waiting lists are counted",
    standfirst:
      "A cross-party parliamentary committee says changes to the way patients are recorded may have made waiting lists look shorter than they are, and has asked the health ministry for a full explanation.",
    section: "politics",
    author: "lukas-brenner",
    daysAgo: 26,
    hour: 17,
    tags: ["Health", "Local Government"],
    source: {
      name: "Parliamentary Health and Care Committee",
      url: "https://example.org/parliament/health-committee/waiting-lists",
    },
    body: `A cross-party committee of the national parliament has raised concerns that recent changes to the way hospital waiting lists are recorded may have made them appear shorter than they really are, and has given the health ministry a month to respond in detail.

In a report published this week, the Health and Care Committee said the headline waiting list figure had fallen by about 8 percent over the past year, but that much of the reduction could be explained by administrative changes rather than by more patients being treated.

## What the committee found

The report focuses on three changes introduced by regional health boards over the past eighteen months, following guidance from the ministry:

1. Patients who cancel or miss two appointments are now removed from the list and returned to their family doctor, rather than being offered a third date.
2. Patients waiting for follow-up appointments after treatment are counted separately from those waiting for a first appointment.
3. Some boards have begun validating their lists by contacting patients to check they still need treatment, removing those who do not reply within a set period.

The committee said that each change could be justified individually, and that validating lists was good practice. But it warned that together they made it difficult to compare current figures with those from previous years.

> "We are not accusing anyone of fiddling the numbers. We are saying that the public cannot currently tell how much of the improvement is real, and that is not acceptable for something this important," said the committee chair, Beatrix Lindahl.

## The ministry's response

The health ministry said in a statement that the changes had been made to improve the accuracy of waiting lists and to ensure that patients were not left on lists they no longer needed to be on. It said the number of operations carried out had also risen over the year.

Health minister Oskar Varenius told reporters he welcomed scrutiny and would provide the committee with the additional data it had requested.

"The figures are published openly, and the changes were announced openly. I am happy to explain every one of them," he said.

## Doctors and patients react

The Association of Hospital Doctors said its members had noticed an increase in patients who had been removed from lists and later re-referred, sometimes with worse symptoms.

> "When someone misses an appointment, it is often because they could not get time off work, or the letter went to an old address. Those are not people who no longer need care," said Dr Amelia Korhonen, who chairs the association's outpatient group.

Patient groups also called for the old and new measures to be published side by side so that trends could be followed over time.

## Local boards under pressure

The report also highlights large differences between regional health boards. In the best-performing regions, the median wait for a first outpatient appointment is around nine weeks. In the worst, it is more than twenty.

Several regional board chairs have said that staff shortages, particularly among anaesthetists and specialist nurses, are the main obstacle to shortening waits, and that no counting method will change that.

The committee has asked the ministry to publish a single consistent series of waiting list figures covering the past five years. Its full report is available on the [parliament website](https://example.org/parliament/health-committee/waiting-lists).`,
    comments: [
      {
        name: "Joan Fairley",
        email: "joan.fairley@example.com",
        body: "I was taken off a list after missing one appointment because the letter went to my old address. It took four months to get back on.",
        status: "approved",
        minutesAfter: 70,
      },
      {
        name: "Patrick Nolan",
        email: "patrick.nolan@example.net",
        body: "Validating lists is reasonable. The problem is publishing figures that cannot be compared year to year without saying so clearly.",
        status: "approved",
        minutesAfter: 150,
      },
      {
        name: "Greta Sol",
        email: "greta.sol@example.com",
        body: "Will the committee publish the ministry's response when it arrives? I would like to read it in full.",
        status: "pending",
        minutesAfter: 380,
      },
    ],
  },
  {
    slug: "halden-start-ups-face-funding-squeeze-as-investors-turn-cautious",
    title: "Halden start-ups face a funding squeeze as investors turn cautious",
    standfirst:
      "Founders in the city's growing technology cluster say early-stage investment has become harder to find, pushing some companies towards profitability sooner and others towards closure.",
    section: "business",
    author: "sofia-marquez",
    daysAgo: 28,
    hour: 10,
    tags: ["Startups", "Artificial Intelligence", "Labour"],
    body: `For most of the past decade, Halden's technology scene was a story of steady growth. The university city produced a stream of small software companies, many of them spun out of research labs, and investors from the capital made regular trips north to meet them.

That flow has slowed. According to data collected by the Halden Founders Network, the amount of early-stage investment raised by local start-ups fell by around 40 percent over the past twelve months, and the number of funding rounds fell by almost a third.

## Why money is harder to find

Founders and investors point to several overlapping reasons:

- higher interest rates have made safer investments more attractive relative to risky young companies
- investors who backed many start-ups in the boom years are now concentrating their money on the companies they already own
- a few high-profile failures in the region have made some funds more cautious
- much of the remaining interest is focused on artificial intelligence, leaving other software companies struggling for attention

> "Two years ago, an investor would take a meeting on the strength of an idea. Now they want to see paying customers, a path to profit and preferably both," said Sanna Virtanen, co-founder of Ledgerlight, which makes accounting software for small charities.

## Adapting to leaner times

Some companies have responded by cutting costs and aiming to break even sooner. Ledgerlight reduced its team from 18 to 13 earlier this year and says it expects to become profitable within eighteen months without raising more money.

Others are turning to alternative sources of finance. Revenue-based financing, in which a company repays an investment as a share of its monthly sales, has become more common, as have grants from regional innovation programmes.

> "It is a tougher environment, but not necessarily a worse one. Companies are being built more carefully," said Jorge Albrecht, a partner at North Star Seed, one of the few funds based in Halden itself. "Some of the businesses that are struggling now would have struggled anyway. They just would have done it with more money."

## The human cost

Not every company will make it. The Founders Network estimates that at least a dozen local start-ups have closed or been sold at low prices in the past year, affecting around 200 jobs.

The impact has been cushioned by demand for software engineers elsewhere, and most people who lost their jobs have found new ones quickly. But workers in non-technical roles, such as marketing and customer support, say they have found it harder.

Layla Osei, who lost her job as a community manager when a language-learning start-up closed in the spring, said the experience had made her think differently about working for young companies.

"I loved the work and the people. But I had no idea how close to the edge we were until the day it ended," she said.

## What the city is doing

Halden's city council has extended a programme offering subsidised office space to early-stage companies, and the university is expanding its support for researchers who want to start businesses. Local officials say they want to reduce reliance on outside investors by encouraging more regional funds and business angels.

The Founders Network plans to publish a fuller survey of the sector early next year.`,
  },
];
