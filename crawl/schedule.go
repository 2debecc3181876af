package crawl

import (
	"time"
)

// Schedule bounds how often feeds are polled. The zero value means the
// defaults noted.
type Schedule struct {
	// Min and Max bound the gap between two polls of a feed; 0 means 2
	// minutes and 6 hours.
	Min, Max time.Duration
	// PerPoll is the number of new items a poll should find on average:
	// the gap is PerPoll divided by the feed's rate. 0 means 2.
	PerPoll float64
}

func (s Schedule) withDefaults() Schedule {
	if s.Min <= 0 {
		s.Min = 2 * time.Minute
	}
	if s.Max <= 0 {
		s.Max = 6 * time.Hour
	}
	if s.Max < s.Min {
		s.Max = s.Min
	}
	if s.PerPoll <= 0 {
		s.PerPoll = 2
	}
	return s
}

// rateWeight is the weight of the newest observation in the feed's rate,
// an exponentially weighted moving average: a feed that speeds up is
// polled more often within a few polls, one that goes quiet is polled less
// often as its rate decays.
const rateWeight = 0.3

// polled updates a feed after a successful poll that found fresh new
// items, and sets its next poll. A feed's publishing is taken as a Poisson
// process whose rate is estimated from the items found per hour between
// polls (after Cho and Garcia-Molina, "Estimating frequency of change",
// 2003, in its simplest form); the gap is then the time it takes to
// publish PerPoll items.
func (s Schedule) polled(f *FeedState, now time.Time, fresh int) {
	s = s.withDefaults()
	if !f.LastPoll.IsZero() && now.After(f.LastPoll) {
		obs := float64(fresh) / now.Sub(f.LastPoll).Hours()
		if f.Polls <= 1 {
			f.Rate = obs // the first poll finds the backlog, not the rate
		} else {
			f.Rate = (1-rateWeight)*f.Rate + rateWeight*obs
		}
	}
	gap := s.Max
	if f.Rate > 0 {
		gap = time.Duration(s.PerPoll / f.Rate * float64(time.Hour))
	}
	if f.Polls == 0 {
		gap = s.Min // no rate yet: look again soon
	}
	// The gap at most doubles from one poll to the next: a few quiet
	// minutes (a rate of 0 after the first polls) are no proof that a
	// feed has gone quiet for Max, while a burst shortens it at once.
	if f.Interval > 0 && gap > 2*f.Interval {
		gap = 2 * f.Interval
	}
	f.Interval = min(max(gap, s.Min), s.Max)
	f.Polls++
	f.Failures = 0
	f.LastPoll = now
	f.NextPoll = now.Add(f.Interval)
}

// failed sets the next poll of a feed that could not be read: after
// retryAfter when the server said so, else after Min doubled at each
// failure in a row, at most Max.
func (s Schedule) failed(f *FeedState, now time.Time, retryAfter time.Duration) {
	s = s.withDefaults()
	f.Failures++
	gap := s.Min << min(f.Failures-1, 16)
	if gap <= 0 || gap > s.Max {
		gap = s.Max
	}
	if retryAfter > 0 {
		gap = retryAfter
	}
	f.NextPoll = now.Add(gap)
}
